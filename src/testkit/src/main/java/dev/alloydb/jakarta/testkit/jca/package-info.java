/**
 * Stand-ins for what a Jakarta EE container gives a resource adapter (a WorkManager on pooled threads, a bootstrap
 * context), for the adapter's tests and the handle benchmark, which start the adapter outside a server.
 */
package dev.alloydb.jakarta.testkit.jca;
