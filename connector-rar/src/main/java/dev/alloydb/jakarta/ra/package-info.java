/**
 * Jakarta Connectors resource adapter publishing an AlloyDB {@code javax.sql.DataSource}.
 */
package dev.alloydb.jakarta.ra;
