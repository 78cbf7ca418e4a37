package dev.alloydb.jakarta.connector;

import dev.alloydb.jakarta.connector.internal.SharedConnectors;

/**
 * Named connectors for the JDBC {@link SocketFactory} ({@code alloydbNamedConnector=<name>}), and the lifecycle of
 * the connectors the socket factory shares. Thread-safe.
 */
public final class ConnectorRegistry {
  private ConnectorRegistry() {
  }

  /**
   * Creates and registers a named connector.
   *
   * @throws ConnectorConfigException if the name is blank or already registered
   * @throws ConnectorClosedException after {@link #shutdown()}
   */
  public static void register(String name, ConnectorConfig config) {
    SharedConnectors.register(name, config);
  }

  /**
   * Closes and unregisters a named connector. Open connections are unaffected.
   *
   * @throws ConnectorConfigException if no connector has that name
   * @throws ConnectorClosedException after {@link #shutdown()}
   */
  public static void close(String name) {
    SharedConnectors.close(name);
  }

  /**
   * Closes every named connector and every connector the socket factory created from properties. The registry stays
   * usable: later connects create connectors again, also after {@link #shutdown()}. Open connections are unaffected.
   */
  public static void reset() {
    SharedConnectors.reset();
  }

  /**
   * Closes every named connector and every connector the socket factory created from properties, and returns once
   * their threads have ended; call it when the application stops. Afterwards {@link #register}, {@link #close} and
   * the socket factory's connects fail with {@link ConnectorClosedException} until {@link #reset()}. Open
   * connections are unaffected.
   */
  public static void shutdown() {
    SharedConnectors.shutdown();
  }
}
