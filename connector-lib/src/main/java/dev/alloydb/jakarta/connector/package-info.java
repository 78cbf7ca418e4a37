/**
 * The AlloyDB connector: connect to AlloyDB for PostgreSQL instances with no SSL files to manage.
 */
package dev.alloydb.jakarta.connector;
