/**
 * Outbound connection management: the managed connection factory, managed connections, their local
 * transactions, and the {@code javax.sql.DataSource} connection factory applications use.
 */
package dev.alloydb.jakarta.ra.outbound;
