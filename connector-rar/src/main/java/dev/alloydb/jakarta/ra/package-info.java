/**
 * Jakarta Connectors 2.1 resource adapter publishing an AlloyDB {@code javax.sql.DataSource}: the adapter bean
 * and its diagnostics. Sub-packages: {@code outbound} (connection management, the JDBC objects given to
 * applications, pool settings), {@code work} (the WorkManager-backed scheduler).
 */
package dev.alloydb.jakarta.ra;
