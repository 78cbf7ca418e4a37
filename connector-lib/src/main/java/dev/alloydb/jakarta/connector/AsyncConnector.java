package dev.alloydb.jakarta.connector;

import dev.alloydb.jakarta.connector.internal.ConnectorCore;
import dev.alloydb.jakarta.connector.internal.PgjdbcConnections;
import java.sql.Connection;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletionStage;

/**
 * Opens pgjdbc connections asynchronously: {@link #connect} returns at once, the dial and the PostgreSQL start-up run
 * on the connector's own pool for connects (or as tasks of a caller-owned scheduler), never on the threads its
 * refreshes need, and a slow Admin API holds no caller thread. Same {@code info} keys as {@link Connector}; the
 * start-up ends at {@code loginTimeout} (seconds), by default at the handshake timeout.
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
    return PgjdbcConnections.connectAsync(core, instanceUri, info);
  }

  /**
   * The status of every instance this connector has connected to (or tried to), sorted by instance URI: state,
   * certificate expiry, last refresh and last refresh error. Also kept when metrics are off.
   */
  public List<InstanceStatus> instanceStatus() {
    return core.instanceStatus();
  }

  /**
   * Live metrics of every instance this connector has connected to (or tried to), the objects its JMX MBeans
   * expose; empty when metrics are off. For publishing them elsewhere, such as MicroProfile Metrics.
   */
  public List<InstanceMetricsMXBean> instanceMetrics() {
    return core.instanceMetrics();
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
