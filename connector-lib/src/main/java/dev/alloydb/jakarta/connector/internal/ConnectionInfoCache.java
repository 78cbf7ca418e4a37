package dev.alloydb.jakarta.connector.internal;

import java.util.concurrent.CompletableFuture;

/** Holds the connection info of one instance. Implementations are thread-safe. */
interface ConnectionInfoCache {
  /** The current info, or a future completed by the refresh in flight. Never blocks. */
  CompletableFuture<ConnectionInfo> connectionInfo();

  /** Asks for new info because a connection attempt failed or the certificate was found expired. */
  void forceRefresh();

  /** Stops all work; pending and later calls fail with {@link dev.alloydb.jakarta.connector.ConnectorClosedException}. */
  void close();
}
