package dev.alloydb.jakarta.connector.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import dev.alloydb.jakarta.connector.AdminApiException;
import dev.alloydb.jakarta.connector.Connector;
import dev.alloydb.jakarta.connector.ConnectorClosedException;
import dev.alloydb.jakarta.connector.ConnectorConfig;
import dev.alloydb.jakarta.connector.ConnectorConfigException;
import dev.alloydb.jakarta.connector.ConnectorException;
import dev.alloydb.jakarta.connector.DialException;
import dev.alloydb.jakarta.connector.IpTypeNotFoundException;
import dev.alloydb.jakarta.connector.MetadataExchangeException;
import dev.alloydb.jakarta.emulator.AlloyDbEmulator;
import dev.alloydb.jakarta.testkit.leaks.Leaks;
import dev.alloydb.jakarta.testkit.tls.HostileServer;
import dev.alloydb.jakarta.testkit.tls.TestCa;
import io.grpc.Status;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad inputs and hostile servers: each gives the right typed error with a clear message, within a bounded time,
 * and leaves no connector thread and no client socket behind.
 */
class BadInputTest {
  private static final Duration BOUND = Duration.ofSeconds(20);
  private static final String FAKE_URI = "projects/p/locations/r/clusters/c/instances/i";
  private static TestCa fakeCa;

  /** One scenario: runs it and returns what it threw (null if nothing). */
  @FunctionalInterface
  interface Scenario {
    void run() throws Exception;
  }

  @BeforeAll
  static void ca() throws Exception {
    fakeCa = TestCa.create("fake-instance-ca");
    EmulatorSupport.emulator();
  }

  @BeforeEach
  @AfterEach
  void reset() {
    EmulatorSupport.resetEmulator();
  }

  static Stream<Arguments> cases() {
    AlloyDbEmulator emulator = EmulatorSupport.emulator();
    String uri = EmulatorSupport.instanceUri();
    return Stream.of(
        connect("empty instance URI", "", ConnectorConfigException.class, "expected projects/<PROJECT>/locations"),
        connect("instance URI without instance", "projects/p/locations/r/clusters/c",
            ConnectorConfigException.class, "Invalid instance URI 'projects/p/locations/r/clusters/c'"),
        connect("instance URI with trailing slash", uri + "/", ConnectorConfigException.class,
            "expected projects/<PROJECT>/locations/<REGION>/clusters/<CLUSTER>/instances/<INSTANCE>"),
        connect("Cloud SQL style name", "my-project:us-central1:my-instance", ConnectorConfigException.class,
            "Invalid instance URI"),
        connect("instance URI with blank", "projects/p/locations/r/clusters/c/instances/a b",
            ConnectorConfigException.class, "Invalid instance URI"),
        connectWith("unknown IP type", uri, Map.of("ipType", "INTERNAL"), ConnectorConfigException.class,
            "Unknown IP type 'INTERNAL': expected one of PRIVATE, PUBLIC, PSC"),
        connectWith("non-boolean enableIamAuth", uri, Map.of("enableIamAuth", "yes"),
            ConnectorConfigException.class, "Invalid enableIamAuth 'yes': expected true or false"),
        Arguments.of("instance unknown to the Admin API (NOT_FOUND)", AdminApiException.class, "NOT_FOUND", "08001",
            (Scenario) () -> connectEmulator("projects/emulator-project/locations/us-central1/clusters/"
                + "emulator-cluster/instances/missing", new Properties())),
        Arguments.of("Admin API PERMISSION_DENIED", AdminApiException.class, "PERMISSION_DENIED", "08001",
            (Scenario) () -> {
              emulator.faults().adminError(Status.Code.PERMISSION_DENIED);
              connectEmulator(uri, new Properties());
            }),
        Arguments.of("Admin API unreachable", AdminApiException.class, "failed: cannot reach http://127.0.0.1:", "08001",
            (Scenario) () -> {
              try (Connector c = Connector.create(EmulatorSupport.config().adminServiceEndpoint(
                  "http://127.0.0.1:" + closedPort()).refreshTimeout(Duration.ofSeconds(3)).build())) {
                c.connect(uri, EmulatorSupport.passwordLogin()).close();
              }
            }),
        Arguments.of("credentials file is not JSON", ConnectorConfigException.class,
            "Cannot load credentials from file", null, (Scenario) () -> {
              Path file = Files.createTempFile("creds", ".json");
              Files.writeString(file, "not json at all");
              Connector.create(EmulatorSupport.config().credentialsFile(file).build()).close();
            }),
        Arguments.of("credentials file missing", ConnectorConfigException.class, "NoSuchFileException", null,
            (Scenario) () -> Connector.create(EmulatorSupport.config()
                .credentialsFile(Path.of("/nonexistent/creds.json")).build()).close()),
        Arguments.of("conflicting credential sources", ConnectorConfigException.class,
            "Conflicting credential sources", null, (Scenario) () -> EmulatorSupport.config()
                .credentials(token()).build()),
        Arguments.of("delegates without a target principal", ConnectorConfigException.class,
            "need a targetPrincipal", null, (Scenario) () -> EmulatorSupport.config()
                .delegates(List.of("a@p.iam.gserviceaccount.com")).build()),
        Arguments.of("metadata exchange answered ERROR", MetadataExchangeException.class,
            "refused the connection in the metadata exchange (ERROR): denied by the test", "28000",
            (Scenario) () -> {
              emulator.faults().proxyExchangeError("denied by the test");
              connectEmulator(uri, new Properties());
            }),
        // the reset reaches the client in the TCP connect or in the TLS handshake, whichever step it is in when the
        // reset arrives (a loaded machine sees both): either DialException names the proxy's address
        Arguments.of("proxy resets TCP connections", DialException.class,
            emulator.instance().privateAddress(), "08001",
            (Scenario) () -> {
          emulator.faults().proxyRefuseConnections(true);
          connectEmulator(uri, new Properties());
        }),
        Arguments.of("proxy never answers the exchange", MetadataExchangeException.class,
            "no response from the server within", "08001", (Scenario) () -> {
              emulator.faults().proxyStall(true);
              connectEmulator(uri, new Properties());
            }),
        Arguments.of("proxy closes after the handshake", MetadataExchangeException.class, "Metadata exchange failed",
            "08001", (Scenario) () -> {
              emulator.faults().proxyCloseAfterHandshake(true);
              connectEmulator(uri, new Properties());
            }),
        Arguments.of("instance has no PUBLIC address", IpTypeNotFoundException.class,
            "The instance has no PUBLIC address (it has [PRIVATE])", "08001",
            (Scenario) () -> connectFake(Map.of("ipAddress", "127.0.0.1"), "PUBLIC", null)),
        Arguments.of("instance has no address at all", IpTypeNotFoundException.class,
            "The instance has no PRIVATE address (it has none)", "08001",
            (Scenario) () -> connectFake(Map.of(), "PRIVATE", null)),
        hostile(HostileProxy.SILENT, DialException.class, "TLS handshake with 127.0.0.1 timed out after PT2S"),
        hostile(HostileProxy.TLS12_ONLY, DialException.class, "TLS 1.3 handshake with 127.0.0.1 failed: "),
        hostile(HostileProxy.FOREIGN_CA, DialException.class, "TLS 1.3 handshake with 127.0.0.1 failed: "
            + "the server's certificate is not signed by the instance's CA"),
        hostile(HostileProxy.WRONG_ADDRESS, DialException.class, "TLS 1.3 handshake with 127.0.0.1 failed: "
            + "the server's certificate does not name 127.0.0.1"),
        hostile(HostileProxy.GARBAGE_LENGTH, MetadataExchangeException.class,
            "invalid length prefix 1157627904"),
        hostile(HostileProxy.CLOSE_AFTER_REQUEST, MetadataExchangeException.class,
            "closed the connection before answering"),
        Arguments.of("nothing listens on the proxy port", DialException.class, "was refused", "08001",
            (Scenario) () -> connectFake(Map.of("ipAddress", "127.0.0.1"), "PRIVATE", closedPort())),
        Arguments.of("socket factory in a URL with a bad IP type", ConnectorConfigException.class,
            "Unknown IP type 'wireless'", "08006", (Scenario) () -> {
              Properties props = EmulatorSupport.passwordLogin();
              props.setProperty("socketFactory", "dev.alloydb.jakarta.connector.SocketFactory");
              props.setProperty("alloydbInstanceName", uri);
              props.setProperty("alloydbIpType", "wireless");
              java.sql.DriverManager.getConnection("jdbc:postgresql:///postgres", props).close();
            }),
        Arguments.of("socket factory in a URL with no instance name", ConnectorConfigException.class,
            "Invalid instance URI (none)", "08006", (Scenario) () -> {
              Properties props = EmulatorSupport.passwordLogin();
              props.setProperty("socketFactory", "dev.alloydb.jakarta.connector.SocketFactory");
              java.sql.DriverManager.getConnection("jdbc:postgresql:///postgres", props).close();
            }),
        Arguments.of("connector already closed", ConnectorClosedException.class, "The connector is closed",
            "08001", (Scenario) () -> {
              Connector connector = Connector.create(EmulatorSupport.config().build());
              connector.close();
              connector.connect(uri, EmulatorSupport.passwordLogin());
            }));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void failsCleanly(String name, Class<? extends ConnectorException> type, String message, String sqlState,
      Scenario scenario) throws Exception {
    Set<Thread> before = Leaks.threads();
    long start = System.nanoTime();
    Throwable thrown = null;
    try {
      scenario.run();
    } catch (Throwable t) {
      thrown = t;
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(thrown).as("%s must fail", name).isNotNull();
    assertThat(took).as("time to fail").isLessThan(BOUND);
    if (sqlState != null) {
      assertThat(thrown).isInstanceOf(SQLException.class);
      assertThat(((SQLException) thrown).getSQLState()).isEqualTo(sqlState);
      if (!name.startsWith("socket factory")) {
        assertThat(thrown.getCause()).isInstanceOf(type);
        assertThat(thrown.getMessage()).isEqualTo(thrown.getCause().getMessage());
      }
    } else {
      assertThat(thrown).isInstanceOf(type);
    }
    ConnectorException cause = SqlErrors.find(thrown);
    assertThat(cause).isInstanceOf(type);
    assertThat(cause.getMessage()).contains(message);
    assertThat(Leaks.newThreads(before)).as("threads left behind").isEmpty();
    assertThat(Leaks.clientSocketsTo(5433)).as("sockets to the proxies left open").isZero();
  }

  private static Arguments connect(String name, String uri, Class<?> type, String message) {
    return connectWith(name, uri, Map.of(), type, message);
  }

  private static Arguments connectWith(String name, String uri, Map<String, String> extra, Class<?> type,
      String message) {
    return Arguments.of(name, type, message, "08001", (Scenario) () -> {
      Properties info = new Properties();
      info.putAll(extra);
      connectEmulator(uri, info);
    });
  }

  private static Arguments hostile(HostileProxy mode, Class<?> type, String message) {
    return Arguments.of("hostile server: " + mode, type, message, "08001", (Scenario) () -> {
      try (HostileServer server = mode.start(fakeCa)) {
        connectFake(Map.of("ipAddress", "127.0.0.1"), "PRIVATE", server.port());
        assertThat(Leaks.clientSocketsTo(server.port())).isZero();
      }
    });
  }

  private static void connectEmulator(String uri, Properties extra) throws SQLException {
    Properties info = EmulatorSupport.passwordLogin();
    info.putAll(extra);
    try (Connector connector = Connector.create(EmulatorSupport.config().build());
        Connection c = connector.connect(uri, info)) {
      assertThat(c).isNull();
    }
  }

  /** Connects through the fake Admin API to {@code port} (a hostile server, or a closed port). */
  private static void connectFake(Map<String, String> addresses, String ipType, Integer port) throws Exception {
    try (FakeAdminApi api = new FakeAdminApi(fakeCa, addresses)) {
      ConnectorConfig config = ConnectorConfig.builder().adminServiceEndpoint(api.endpoint())
          .credentials(token()).connectTimeout(Duration.ofSeconds(2)).handshakeTimeout(Duration.ofSeconds(2))
          .refreshTimeout(Duration.ofSeconds(5)).build();
      int dialPort = port == null ? closedPort() : port;
      try (ConnectorCore core = ConnectorCore.start(config, Clock.systemUTC(), RefreshPolicy.DEFAULT, dialPort)) {
        Properties info = EmulatorSupport.passwordLogin();
        info.setProperty("ipType", ipType);
        PgjdbcConnections.connect(core, FAKE_URI, info).close();
      }
    }
  }

  private static GoogleCredentials token() {
    return GoogleCredentials.create(new AccessToken("fixture-token",
        Date.from(java.time.Instant.now().plus(Duration.ofHours(1)))));
  }

  private static int closedPort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }
}
