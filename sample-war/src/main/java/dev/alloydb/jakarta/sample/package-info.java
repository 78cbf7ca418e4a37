/**
 * Sample JAX-RS application using the AlloyDB DataSource.
 */
package dev.alloydb.jakarta.sample;
