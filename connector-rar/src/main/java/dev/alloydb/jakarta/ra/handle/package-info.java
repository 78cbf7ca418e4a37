/**
 * Application-facing JDBC objects: the {@code java.sql.Connection} handle and the statements, metadata and result
 * sets it hands out, all dynamic proxies that hand back the handle instead of the physical connection.
 */
package dev.alloydb.jakarta.ra.handle;
