/**
 * Outbound connection management: the managed connection factory and its settings, managed connections, their
 * local transactions, the {@code javax.sql.DataSource} connection factory applications use, and the proxy
 * {@code java.sql.Connection} handles (with their statements, metadata and result sets) it hands out. Only the
 * types the container instantiates or binds are public.
 */
package dev.alloydb.jakarta.ra.outbound;
