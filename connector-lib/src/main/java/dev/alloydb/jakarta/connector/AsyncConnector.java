package dev.alloydb.jakarta.connector;

import dev.alloydb.jakarta.connector.internal.ConnectorCore;
import dev.alloydb.jakarta.connector.internal.JdbcConnect;
import java.sql.Connection;
import java.util.Properties;
import java.util.concurrent.CompletionStage;

/**
 * Opens pgjdbc connections asynchronously: {@link #connect} returns at once, the work runs on the connector's
 * scheduler, and a slow Admin API holds no caller thread. Same {@code info} keys as {@link Connector}.
 *
 * <p>Thread-safe. Closing stops background work; a pending connect then completes with
 * {@link ConnectorClosedException}.
 */
public final class AsyncConnector implements AutoCloseable {
  private final ConnectorCore core;

  private AsyncConnector(ConnectorCore core) {
    this.core = core;
  }

  /**
   * Creates a connector and starts generating its key on its scheduler.
   *
   * @throws ConnectorConfigException if the credentials cannot be loaded
   */
  public static AsyncConnector create(ConnectorConfig config) {
    return new AsyncConnector(ConnectorCore.start(config));
  }

  /**
   * Connects to an instance without blocking the caller. The stage completes exceptionally with a
   * {@link java.sql.SQLException} (SQLState {@code 08001} or {@code 28000}, cause chained).
   */
  public CompletionStage<Connection> connect(String instanceUri, Properties info) {
    return JdbcConnect.connectAsync(core, instanceUri, info);
  }

  /** The configuration this connector was created with. */
  public ConnectorConfig config() {
    return core.config();
  }

  /** Stops background work and releases the connector's threads. Idempotent. */
  @Override
  public void close() {
    core.close();
  }
}
