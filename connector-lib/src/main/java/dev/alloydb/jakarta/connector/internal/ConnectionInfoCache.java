package dev.alloydb.jakarta.connector.internal;

import java.util.concurrent.CompletableFuture;

/** Holds the connection info of one instance. Implementations are thread-safe and complete no future under a lock. */
interface ConnectionInfoCache {
  /**
   * Info whose certificate has not expired, or a future completed by the refresh in flight, or a failure at once
   * when no refresh may start now. Never blocks.
   */
  CompletableFuture<ConnectionInfo> connectionInfo();

  /**
   * A dial with {@code used} failed: the refresh under way now (started here if the rate limit and back-off
   * allow), newer info if there is some, or null. Other readers keep getting the current info meanwhile.
   */
  CompletableFuture<ConnectionInfo> refreshAfterFailure(ConnectionInfo used);

  /** Fails the refresh in flight, if any: a task it depends on was dropped by the scheduler. */
  void abandonRefresh(RuntimeException reason);

  /** Stops all work; pending and later calls fail with {@link dev.alloydb.jakarta.connector.ConnectorClosedException}. */
  void close();
}
