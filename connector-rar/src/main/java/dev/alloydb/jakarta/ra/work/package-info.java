/** The connector scheduler on the container's JCA WorkManager: the adapter starts no thread of its own. */
package dev.alloydb.jakarta.ra.work;
