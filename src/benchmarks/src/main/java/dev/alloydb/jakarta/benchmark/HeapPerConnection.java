package dev.alloydb.jakarta.benchmark;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * Section 5 (in-process): heap held per idle pooled connection. Used heap after full collections, before and after
 * a HikariCP pool has filled with N idle connections, divided by N. The connector's cache is warmed first, so what
 * is left is the cost of each connection: the pgjdbc connection, its socket and TLS
 * session, and whatever the connector keeps per socket.
 */
final class HeapPerConnection {

  private final int connections;

  HeapPerConnection(int connections) {
    this.connections = connections;
  }

  /** @return bytes of heap per idle pooled connection */
  double measure(UrlClient client) throws Exception {
    // Fill the connector's certificate cache first, so that only per-connection state is counted.
    for (int i = 0; i < 3; i++) {
      NewConnectionLatency.openAndClose(client);
    }
    long before = usedHeapAfterGc();
    try (HikariDataSource pool = new HikariDataSource(client.poolConfig(connections))) {
      awaitIdle(pool);
      long after = usedHeapAfterGc();
      return (after - before) / (double) connections;
    }
  }

  private void awaitIdle(HikariDataSource pool) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (pool.getHikariPoolMXBean().getIdleConnections() < connections) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(pool.getPoolName() + ": only "
            + pool.getHikariPoolMXBean().getIdleConnections() + " of " + connections + " connections after 120 s");
      }
      Thread.sleep(50);
    }
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    var memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
