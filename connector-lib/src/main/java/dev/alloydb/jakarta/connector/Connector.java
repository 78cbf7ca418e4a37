package dev.alloydb.jakarta.connector;

import dev.alloydb.jakarta.connector.internal.ConnectorCore;
import dev.alloydb.jakarta.connector.internal.PgjdbcConnections;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

/**
 * Opens pgjdbc connections to AlloyDB instances over the connector's TLS sockets.
 *
 * <p>Recognised {@code info} keys: {@code user}, {@code password}, {@code database} (default {@code postgres}),
 * {@code ipType} and {@code enableIamAuth} (override the configuration's defaults for this connection), and
 * {@code loginTimeout} (whole seconds, 1 to 3600: the deadline of the PostgreSQL start-up after the dial; by default
 * the handshake timeout, or {@link java.sql.DriverManager#getLoginTimeout()} if that is shorter). Every other key
 * passes through to pgjdbc.
 *
 * <p>Thread-safe. Closing the connector stops its background work and releases its threads; connections already
 * open are unaffected.
 */
public final class Connector implements AutoCloseable {
  private final ConnectorCore core;

  private Connector(ConnectorCore core) {
    this.core = core;
  }

  /**
   * Creates a connector and starts generating its key on its scheduler.
   *
   * @throws ConnectorConfigException if the credentials cannot be loaded
   */
  public static Connector create(ConnectorConfig config) {
    return new Connector(ConnectorCore.start(config));
  }

  /**
   * Connects to an instance.
   *
   * @param instanceUri {@code projects/<PROJECT>/locations/<REGION>/clusters/<CLUSTER>/instances/<INSTANCE>}
   * @throws SQLException SQLState {@code 08001} when no connection could be made, {@code 28000} when the server
   *     refused the credentials; the {@link ConnectorException} is the cause
   */
  public Connection connect(String instanceUri, Properties info) throws SQLException {
    return PgjdbcConnections.connect(core, instanceUri, info);
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
