package dev.alloydb.jakarta.connector;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.alloydb.jakarta.connector.internal.EmulatorSupport;
import dev.alloydb.jakarta.emulator.AlloyDbEmulator;
import dev.alloydb.jakarta.emulator.ProxyConnection;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Password and IAM logins over every IP type through every entry point, against the emulator and a real
 * PostgreSQL. Each case checks the database user and that the emulator saw the expected IP type and auth type.
 */
class LoginTest {
  enum Entry { CONNECTOR, ASYNC_CONNECTOR, DRIVER_MANAGER_URL, HIKARI_CP }

  enum Login { PASSWORD, IAM }

  private static Connector connector;
  private static AsyncConnector asyncConnector;
  private static AlloyDbEmulator emulator;

  @BeforeAll
  static void start() {
    emulator = EmulatorSupport.emulator();
    connector = Connector.create(EmulatorSupport.config().build());
    asyncConnector = AsyncConnector.create(EmulatorSupport.config().build());
  }

  @AfterAll
  static void stop() {
    connector.close();
    asyncConnector.close();
    ConnectorRegistry.reset();
  }

  @BeforeEach
  void reset() {
    EmulatorSupport.resetEmulator();
  }

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (Entry entry : Entry.values()) {
      for (IpType ipType : IpType.values()) {
        for (Login login : Login.values()) {
          cases.add(Arguments.of(entry, ipType, login));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("cases")
  void logsIn(Entry entry, IpType ipType, Login login) throws Exception {
    String expectedUser = login == Login.IAM ? emulator.iamUser() : emulator.passwordUser();
    try (Connection c = open(entry, ipType, login)) {
      assertThat(currentUser(c)).isEqualTo(expectedUser);
    }
    List<ProxyConnection> seen = emulator.counters().proxyConnections();
    assertThat(seen).isNotEmpty().allSatisfy(p -> {
      assertThat(p.outcome()).isEqualTo(ProxyConnection.Outcome.ACCEPTED);
      assertThat(p.authType().name()).isEqualTo(login == Login.IAM ? "AUTO_IAM" : "DB_NATIVE");
      assertThat(p.userAgent()).startsWith("alloydb-jakarta-connector/");
    });
    if (emulator.instance().pscHost().equals("localhost") || ipType != IpType.PSC) {
      assertThat(seen).extracting(ProxyConnection::ipType).containsOnly(ipType.name());
    }
  }

  private static Connection open(Entry entry, IpType ipType, Login login) throws Exception {
    String instance = EmulatorSupport.instanceUri();
    switch (entry) {
      case CONNECTOR:
        return connector.connect(instance, connectorProperties(ipType, login));
      case ASYNC_CONNECTOR:
        return asyncConnector.connect(instance, connectorProperties(ipType, login))
            .toCompletableFuture().get(60, TimeUnit.SECONDS);
      case DRIVER_MANAGER_URL:
        return DriverManager.getConnection(url(ipType, login), credentialsOnly(login));
      default:
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql:///postgres");
        config.setMaximumPoolSize(1);
        config.setDataSourceProperties(socketFactoryProperties(ipType, login));
        HikariDataSource pool = new HikariDataSource(config);
        Connection c = pool.getConnection();
        return new PoolClosingConnection(c, pool).proxy();
    }
  }

  private static Properties connectorProperties(IpType ipType, Login login) {
    Properties info = login == Login.IAM ? EmulatorSupport.iamLogin() : EmulatorSupport.passwordLogin();
    info.setProperty("ipType", ipType.name().toLowerCase(java.util.Locale.ROOT));
    return info;
  }

  static Properties socketFactoryProperties(IpType ipType, Login login) {
    Properties p = new Properties();
    p.setProperty("socketFactory", SocketFactory.class.getName());
    p.setProperty("sslmode", "disable");
    p.setProperty(SocketFactory.INSTANCE_NAME, EmulatorSupport.instanceUri());
    p.setProperty(SocketFactory.ADMIN_SERVICE_ENDPOINT, emulator.adminApiRestEndpoint());
    p.setProperty(SocketFactory.GOOGLE_CREDENTIALS_PATH, emulator.credentialsFile().toString());
    p.setProperty(SocketFactory.IP_TYPE, ipType.name());
    if (login == Login.IAM) {
      p.setProperty("user", emulator.iamUser());
      p.setProperty(SocketFactory.ENABLE_IAM_AUTH, "true");
    } else {
      p.setProperty("user", emulator.passwordUser());
      p.setProperty("password", emulator.password());
    }
    return p;
  }

  /** Everything but the database credentials as URL parameters, as a plain JDBC URL user would write it. */
  private static String url(IpType ipType, Login login) {
    StringBuilder url = new StringBuilder("jdbc:postgresql:///postgres?");
    Properties all = socketFactoryProperties(ipType, login);
    for (String key : new java.util.TreeSet<>(all.stringPropertyNames())) {
      if (!key.equals("user") && !key.equals("password")) {
        url.append(key).append('=')
            .append(java.net.URLEncoder.encode(all.getProperty(key), java.nio.charset.StandardCharsets.UTF_8))
            .append('&');
      }
    }
    return url.substring(0, url.length() - 1);
  }

  private static Properties credentialsOnly(Login login) {
    Properties p = new Properties();
    Properties all = socketFactoryProperties(IpType.PRIVATE, login);
    p.setProperty("user", all.getProperty("user"));
    if (all.getProperty("password") != null) {
      p.setProperty("password", all.getProperty("password"));
    }
    return p;
  }

  @org.junit.jupiter.api.Test
  void iamLoginAsAnotherUserIsRefusedWithSqlState28000() {
    Properties info = EmulatorSupport.iamLogin();
    info.setProperty("user", emulator.passwordUser());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> connector.connect(EmulatorSupport.instanceUri(), info))
        .isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28000"));
  }

  @org.junit.jupiter.api.Test
  void googleConnectorPropertySpellingsWork() throws Exception {
    Properties p = socketFactoryProperties(IpType.PUBLIC, Login.IAM);
    p.setProperty(SocketFactory.IP_TYPE, "public");
    p.setProperty(SocketFactory.ENABLE_IAM_AUTH, "TRUE");
    p.setProperty(SocketFactory.REFRESH_STRATEGY, "refresh_ahead");
    p.setProperty(SocketFactory.QUOTA_PROJECT, "billing-project");
    try (Connection c = DriverManager.getConnection("jdbc:postgresql:///postgres", p)) {
      assertThat(currentUser(c)).isEqualTo(emulator.iamUser());
    }
  }

  static String currentUser(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select current_user")) {
      assertThat(rs.next()).isTrue();
      return rs.getString(1);
    }
  }

  /** Closes the pool together with the connection it lent. */
  private static final class PoolClosingConnection implements java.lang.reflect.InvocationHandler {
    private final Connection delegate;
    private final HikariDataSource pool;

    PoolClosingConnection(Connection delegate, HikariDataSource pool) {
      this.delegate = delegate;
      this.pool = pool;
    }

    Connection proxy() {
      return (Connection) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
          new Class<?>[] {Connection.class}, this);
    }

    @Override
    public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] args) throws Throwable {
      try {
        return method.invoke(delegate, args);
      } catch (java.lang.reflect.InvocationTargetException e) {
        throw e.getCause();
      } finally {
        if (method.getName().equals("close")) {
          pool.close();
        }
      }
    }
  }
}
