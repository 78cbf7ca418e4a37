package dev.alloydb.jakarta.connector.internal;

import dev.alloydb.jakarta.connector.ConnectorClosedException;
import dev.alloydb.jakarta.connector.ConnectorException;
import dev.alloydb.jakarta.connector.IpType;
import dev.alloydb.jakarta.connector.SocketFactory;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;

/**
 * Opens pgjdbc connections for {@code Connector} and {@code AsyncConnector}: the connector dials, then pgjdbc runs
 * the PostgreSQL protocol on that socket, which it receives through the {@link SocketFactory} and a one-time
 * ticket. Not API.
 */
public final class JdbcConnect {
  /** Per-connection keys of {@code Connector.connect}. */
  static final String DATABASE = "database";
  static final String IP_TYPE = "ipType";
  static final String ENABLE_IAM_AUTH = "enableIamAuth";
  static final String DEFAULT_DATABASE = "postgres";

  private static final Set<String> OWN_KEYS = Set.of(DATABASE, IP_TYPE, ENABLE_IAM_AUTH,
      JdbcProperties.CONNECTOR_ID, JdbcProperties.SOCKET_TICKET);
  private static final org.postgresql.Driver DRIVER = new org.postgresql.Driver();

  private JdbcConnect() {
  }

  /** Connects, blocking the caller. */
  public static Connection connect(ConnectorCore core, String instanceUri, Properties info) throws SQLException {
    Request request = Request.of(core, instanceUri, info);
    Socket socket;
    try {
      socket = core.dial(request.instance, request.ipType, request.iamAuth);
    } catch (ConnectorException e) {
      throw SqlErrors.of(e);
    }
    return open(core, request, socket);
  }

  /** Connects on the connector's scheduler; never blocks the caller. */
  public static CompletionStage<Connection> connectAsync(ConnectorCore core, String instanceUri, Properties info) {
    CompletableFuture<Connection> result = new CompletableFuture<>();
    Request request;
    try {
      request = Request.of(core, instanceUri, info);
    } catch (SQLException e) {
      result.completeExceptionally(e);
      return result;
    }
    CompletableFuture<Socket> dialled;
    try {
      dialled = core.dialAsync(request.instance, request.ipType, request.iamAuth);
    } catch (ConnectorException e) {
      result.completeExceptionally(SqlErrors.of(e));
      return result;
    }
    // A successful dial completes on a scheduler thread, so pgjdbc's blocking start-up runs there too.
    dialled.whenComplete((socket, error) -> {
      if (error != null) {
        result.completeExceptionally(SqlErrors.of(asConnectorException(request, Futures.unwrap(error))));
        return;
      }
      try {
        Connection connection = open(core, request, socket);
        if (!result.complete(connection)) {
          closeQuietly(connection);
        }
      } catch (SQLException | RuntimeException e) {
        result.completeExceptionally(e);
      }
    });
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

  private static ConnectorException asConnectorException(Request request, Throwable t) {
    if (t instanceof ConnectorException) {
      return (ConnectorException) t;
    }
    if (t instanceof RejectedExecutionException) {
      return new ConnectorClosedException("[" + request.instance + "] The connector is closed");
    }
    return new ConnectorException("[" + request.instance + "] Connect failed: " + t, t);
  }

  private static Connection open(ConnectorCore core, Request request, Socket socket) throws SQLException {
    String ticket = SocketTickets.deposit(socket);
    try {
      Properties props = request.pgProperties;
      props.setProperty(JdbcProperties.CONNECTOR_ID, core.id());
      props.setProperty(JdbcProperties.SOCKET_TICKET, ticket);
      return DRIVER.connect(request.url, props);
    } catch (SQLException e) {
      ConnectorException cause = SqlErrors.find(e);
      throw cause != null ? SqlErrors.of(cause) : e;
    } finally {
      SocketTickets.discard(ticket);
    }
  }

  /** One connect call's parsed options and the properties pgjdbc receives. */
  private static final class Request {
    final InstanceUri instance;
    final IpType ipType;
    final boolean iamAuth;
    final String url;
    final Properties pgProperties;

    private Request(InstanceUri instance, IpType ipType, boolean iamAuth, String url, Properties pgProperties) {
      this.instance = instance;
      this.ipType = ipType;
      this.iamAuth = iamAuth;
      this.url = url;
      this.pgProperties = pgProperties;
    }

    static Request of(ConnectorCore core, String instanceUri, Properties info) throws SQLException {
      try {
        Properties given = info == null ? new Properties() : info;
        InstanceUri instance = InstanceUri.parse(instanceUri);
        IpType ipType = JdbcProperties.ipType(given, IP_TYPE, core.config().ipType());
        boolean iamAuth = JdbcProperties.flag(given, ENABLE_IAM_AUTH, core.config().enableIamAuth());
        String database = given.getProperty(DATABASE, DEFAULT_DATABASE);
        Properties pg = new Properties();
        for (String key : given.stringPropertyNames()) {
          if (!OWN_KEYS.contains(key)) {
            pg.setProperty(key, given.getProperty(key));
          }
        }
        pg.setProperty("socketFactory", SocketFactory.class.getName());
        pg.setProperty("sslmode", "disable");
        pg.setProperty("gssEncMode", "disable");
        pg.setProperty(SocketFactory.INSTANCE_NAME, instance.toString());
        pg.setProperty(SocketFactory.IP_TYPE, ipType.name());
        pg.setProperty(SocketFactory.ENABLE_IAM_AUTH, Boolean.toString(iamAuth));
        String url = "jdbc:postgresql://localhost/" + URLEncoder.encode(database, StandardCharsets.UTF_8);
        return new Request(instance, ipType, iamAuth, url, pg);
      } catch (ConnectorException e) {
        throw SqlErrors.of(e);
      }
    }
  }
}
