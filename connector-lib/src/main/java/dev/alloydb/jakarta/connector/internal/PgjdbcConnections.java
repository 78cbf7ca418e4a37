package dev.alloydb.jakarta.connector.internal;

import dev.alloydb.jakarta.connector.ConnectorClosedException;
import dev.alloydb.jakarta.connector.ConnectorConfigException;
import dev.alloydb.jakarta.connector.ConnectorException;
import dev.alloydb.jakarta.connector.ConnectorOperationException;
import dev.alloydb.jakarta.connector.ConnectorOption;
import dev.alloydb.jakarta.connector.IpType;
import dev.alloydb.jakarta.connector.SocketFactory;
import dev.alloydb.jakarta.connector.SqlStates;
import java.net.Socket;
import java.net.SocketException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;

/**
 * Opens pgjdbc connections for {@code Connector} and {@code AsyncConnector}: the connector dials (one
 * {@link DialPolicy} for both), then pgjdbc runs the PostgreSQL start-up on that socket, which it receives through
 * the {@link SocketFactory} and the {@link SocketHandoff} on the same thread. The start-up ends at the login timeout:
 * {@code loginTimeout} in seconds if given, else the handshake timeout, shortened by
 * {@link DriverManager#getLoginTimeout()} when that is set and smaller. Not API.
 */
public final class PgjdbcConnections {
  /** pgjdbc's login timeout, which {@code Connector.connect} reads as the deadline of the PostgreSQL start-up. */
  static final String LOGIN_TIMEOUT = "loginTimeout";

  /** Keys of {@code Connector.connect} that the connector reads; all others go to pgjdbc. */
  private static final Set<String> OWN_KEYS = Set.of(ConnectorOption.DATABASE.name(), ConnectorOption.IP_TYPE.name(),
      ConnectorOption.ENABLE_IAM_AUTH.name(), LOGIN_TIMEOUT);
  private static final org.postgresql.Driver DRIVER = new org.postgresql.Driver();

  private PgjdbcConnections() {
  }

  /** Connects on the calling thread. */
  public static Connection connect(ConnectorCore core, String instanceUri, Properties info) throws SQLException {
    return open(core, Request.of(core, instanceUri, info));
  }

  /** Connects on the connector's pool for connects; never blocks the caller. */
  public static CompletionStage<Connection> connectAsync(ConnectorCore core, String instanceUri, Properties info) {
    CompletableFuture<Connection> result = new CompletableFuture<>();
    Request request;
    try {
      request = Request.of(core, instanceUri, info);
    } catch (SQLException e) {
      result.completeExceptionally(e);
      return result;
    }
    try {
      core.connects().execute(() -> {
        try {
          Connection connection = open(core, request);
          if (!result.complete(connection)) {
            closeQuietly(connection);
          }
        } catch (SQLException | RuntimeException e) {
          result.completeExceptionally(e);
        }
      });
    } catch (RejectedExecutionException e) {
      result.completeExceptionally(SqlErrors.of(core.isClosed()
          ? new ConnectorClosedException("[" + request.instance + "] The connector is closed")
          : new ConnectorOperationException("[" + request.instance + "] The connector's scheduler refused the"
              + " connect (" + e.getMessage() + "); try again", e)));
    }
    return result;
  }

  /** The caller cancelled or completed the stage before the connection was ready: nobody will close it. */
  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // an unwanted connection: closing it is all that matters
    }
  }

  private static Connection open(ConnectorCore core, Request request) throws SQLException {
    Socket socket;
    try {
      socket = core.dial(request.instance, request.ipType, request.iamAuth);
    } catch (ConnectorException e) {
      throw SqlErrors.of(e);
    }
    Deadline deadline;
    try {
      deadline = Deadline.start(socket, request.loginTimeout, core.timers());
    } catch (SocketException e) {
      Dialer.closeQuietly(socket);
      throw SqlErrors.of(new ConnectorException("[" + request.instance + "] Cannot bound the PostgreSQL start-up: "
          + e.getMessage(), e));
    }
    Connection connection = null;
    try (SocketHandoff handoff = SocketHandoff.offer(core, request.instance, request.ipType, request.iamAuth,
        socket)) {
      connection = DRIVER.connect(request.url, request.pgProperties);
    } catch (SQLException e) {
      if (deadline.expired()) {
        throw startUpTimedOut(request, e);
      }
      ConnectorException cause = SqlErrors.find(e);
      throw cause != null ? SqlErrors.of(cause) : e;
    } finally {
      if (!deadline.end() && connection != null) {
        closeQuietly(connection);
        connection = null;
      }
    }
    if (connection == null) {
      throw startUpTimedOut(request, null);
    }
    restoreReadTimeout(socket, request, connection);
    return connection;
  }

  /**
   * The login deadline set a read timeout for the start-up; queries get pgjdbc's own ({@code socketTimeout}
   * seconds, 0 = none), which pgjdbc itself only sets when positive.
   */
  private static void restoreReadTimeout(Socket socket, Request request, Connection connection) throws SQLException {
    try {
      socket.setSoTimeout(request.socketTimeoutMillis);
    } catch (SocketException e) {
      closeQuietly(connection);
      throw SqlErrors.of(new ConnectorException("[" + request.instance + "] The connection closed right after the"
          + " PostgreSQL start-up: " + e.getMessage(), e));
    }
  }

  private static SQLException startUpTimedOut(Request request, SQLException cause) {
    return new SQLException("[" + request.instance + "] The PostgreSQL start-up did not finish within "
        + request.loginTimeout + " (loginTimeout): the server did not answer the login", SqlStates.UNABLE_TO_CONNECT,
        cause);
  }

  /** One connect call's parsed options and the properties pgjdbc receives. */
  private static final class Request {
    final InstanceUri instance;
    final IpType ipType;
    final boolean iamAuth;
    final Duration loginTimeout;
    final int socketTimeoutMillis;
    final String url;
    final Properties pgProperties;

    private Request(InstanceUri instance, IpType ipType, boolean iamAuth, Duration loginTimeout, String url,
        Properties pgProperties) {
      this.instance = instance;
      this.ipType = ipType;
      this.iamAuth = iamAuth;
      this.loginTimeout = loginTimeout;
      this.socketTimeoutMillis = socketTimeoutMillis(pgProperties);
      this.url = url;
      this.pgProperties = pgProperties;
    }

    /** pgjdbc's {@code socketTimeout} in milliseconds; pgjdbc itself rejects values that do not parse. */
    private static int socketTimeoutMillis(Properties pg) {
      try {
        return Math.max(0, Integer.parseInt(pg.getProperty("socketTimeout", "0").trim())) * 1000;
      } catch (NumberFormatException e) {
        return 0;
      }
    }

    static Request of(ConnectorCore core, String instanceUri, Properties info) throws SQLException {
      try {
        Properties given = info == null ? new Properties() : info;
        InstanceUri instance = InstanceUri.parse(instanceUri);
        IpType ipType = JdbcProperties.ipType(given, ConnectorOption.IP_TYPE.name(), core.config().ipType());
        boolean iamAuth = JdbcProperties.flag(given, ConnectorOption.ENABLE_IAM_AUTH.name(),
            core.config().enableIamAuth());
        Duration loginTimeout = loginTimeout(given, core.config().handshakeTimeout());
        String database = JdbcProperties.database(given);
        Properties pg = new Properties();
        for (String key : given.stringPropertyNames()) {
          if (!OWN_KEYS.contains(key)) {
            pg.setProperty(key, given.getProperty(key));
          }
        }
        pg.setProperty("socketFactory", SocketFactory.class.getName());
        pg.setProperty("sslmode", "disable");
        pg.setProperty("gssEncMode", "disable");
        // 0 keeps pgjdbc's start-up on this thread, where the handoff waits; the deadline bounds it instead
        pg.setProperty(LOGIN_TIMEOUT, "0");
        String url = "jdbc:postgresql://localhost/" + URLEncoder.encode(database, StandardCharsets.UTF_8);
        return new Request(instance, ipType, iamAuth, loginTimeout, url, pg);
      } catch (ConnectorException e) {
        throw SqlErrors.of(e);
      }
    }

    /** {@code loginTimeout} seconds (1 to 3600), else {@code fallback} or the JVM's login timeout if smaller. */
    private static Duration loginTimeout(Properties info, Duration fallback) {
      String value = info.getProperty(LOGIN_TIMEOUT);
      if (value == null) {
        int jvm = DriverManager.getLoginTimeout();
        return jvm > 0 && Duration.ofSeconds(jvm).compareTo(fallback) < 0 ? Duration.ofSeconds(jvm) : fallback;
      }
      try {
        int seconds = Integer.parseInt(value.trim());
        if (seconds >= 1 && seconds <= 3600) {
          return Duration.ofSeconds(seconds);
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new ConnectorConfigException("Invalid " + LOGIN_TIMEOUT + " '" + value + "': expected whole seconds"
          + " from 1 to 3600");
    }
  }
}
