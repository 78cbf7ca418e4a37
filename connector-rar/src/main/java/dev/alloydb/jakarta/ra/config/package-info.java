/** Pool settings: keys, MicroProfile Config fallback, validation into one typed snapshot. */
package dev.alloydb.jakarta.ra.config;
