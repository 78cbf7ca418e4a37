package dev.alloydb.jakarta.connector;

import dev.alloydb.jakarta.connector.internal.JdbcSocketTarget;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Properties;

/**
 * A pgjdbc socket factory: {@code socketFactory=dev.alloydb.jakarta.connector.SocketFactory} in a JDBC URL or
 * data-source properties. It accepts the property names of Google's AlloyDB Java connector, so an application
 * switches by changing the class name.
 *
 * <p>Connector-level properties select a connector shared by every factory with the same values (closed by
 * {@link ConnectorRegistry#reset()}); with {@link #NAMED_CONNECTOR} they are ignored and the named connector
 * registered through {@link ConnectorRegistry#register} is used. {@link #IP_TYPE} and {@link #ENABLE_IAM_AUTH}
 * always apply per connection.
 *
 * <p>{@link #createSocket()} returns a socket that is already connected, TLS-secured and past the metadata
 * exchange; use {@code sslmode=disable} so that pgjdbc does not ask for TLS again.
 */
public final class SocketFactory extends javax.net.SocketFactory {
  /** The instance URI (required). */
  public static final String INSTANCE_NAME = "alloydbInstanceName";
  /** {@code PRIVATE} (default), {@code PUBLIC} or {@code PSC}. */
  public static final String IP_TYPE = "alloydbIpType";
  /** {@code true} for automatic IAM database authentication. */
  public static final String ENABLE_IAM_AUTH = "alloydbEnableIAMAuth";
  /** {@code BACKGROUND}/{@code REFRESH_AHEAD} (default) or {@code LAZY}. */
  public static final String REFRESH_STRATEGY = "alloydbRefreshStrategy";
  /** Admin API endpoint: {@code host:port}, {@code https://host:port} or {@code http://host:port}. */
  public static final String ADMIN_SERVICE_ENDPOINT = "alloydbAdminServiceEndpoint";
  /** Universe domain of the credentials and the Admin API ({@code googleapis.com} by default). */
  public static final String UNIVERSE_DOMAIN = "alloydbUniverseDomain";
  /** Project billed for Admin API quota. */
  public static final String QUOTA_PROJECT = "alloydbQuotaProject";
  /** Service account to impersonate. */
  public static final String TARGET_PRINCIPAL = "alloydbTargetPrincipal";
  /** Comma-separated impersonation delegation chain. */
  public static final String DELEGATES = "alloydbDelegates";
  /** Path of a JSON credentials file. */
  public static final String GOOGLE_CREDENTIALS_PATH = "alloydbGoogleCredentialsPath";
  /** Path of the JSON credentials file of the IAM database login (this connector's name; Google has none). */
  public static final String IAM_LOGIN_CREDENTIALS_PATH = "alloydbIamLoginCredentialsPath";
  /** Text appended to the user agent (this connector's name; Google's Java connector has none). */
  public static final String USER_AGENT = "alloydbUserAgent";
  /** JDBC property: {@code false} turns the connector's metrics and spans off ({@link ConnectorOption#METRICS}). */
  public static final String METRICS = "alloydbMetrics";
  /** Name of a connector registered with {@link ConnectorRegistry#register}. */
  public static final String NAMED_CONNECTOR = "alloydbNamedConnector";

  private final JdbcSocketTarget target;

  /**
   * Called by pgjdbc with the connection properties.
   *
   * @throws ConnectorConfigException if a property is missing or invalid
   */
  public SocketFactory(Properties info) {
    this.target = JdbcSocketTarget.resolve(info);
  }

  /**
   * Dials the instance: connected, TLS 1.3, metadata exchange done.
   *
   * @throws IOException wrapping the {@link ConnectorException} that says what failed
   */
  @Override
  public Socket createSocket() throws IOException {
    return target.dial();
  }

  /** Not supported: the address comes from the Admin API. */
  @Override
  public Socket createSocket(String host, int port) {
    throw unsupported();
  }

  /** Not supported: the address comes from the Admin API. */
  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
    throw unsupported();
  }

  /** Not supported: the address comes from the Admin API. */
  @Override
  public Socket createSocket(InetAddress host, int port) {
    throw unsupported();
  }

  /** Not supported: the address comes from the Admin API. */
  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
    throw unsupported();
  }

  private static UnsupportedOperationException unsupported() {
    return new UnsupportedOperationException(
        "The AlloyDB socket factory dials the instance named by " + INSTANCE_NAME + "; use createSocket()");
  }
}
