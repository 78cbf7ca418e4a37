package dev.alloydb.jakarta.connector.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import dev.alloydb.jakarta.connector.ConnectorConfig;
import dev.alloydb.jakarta.connector.ConnectorConfigException;
import dev.alloydb.jakarta.connector.ConnectorException;
import dev.alloydb.jakarta.connector.DialException;
import dev.alloydb.jakarta.connector.IpType;
import dev.alloydb.jakarta.connector.MetadataExchangeException;
import dev.alloydb.jakarta.testkit.leaks.Leaks;
import dev.alloydb.jakarta.testkit.tls.HostileServer;
import dev.alloydb.jakarta.testkit.tls.TestCa;
import java.net.Socket;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every step of a dial ends at an overall deadline however slowly the peer sends, and the PostgreSQL start-up of an
 * asynchronous connect has a default one too: refused at the deadline, socket closed, no thread left.
 */
class DialDeadlineTest {
  private static final InstanceUri INSTANCE = InstanceUri.parse("projects/p/locations/r/clusters/c/instances/i");
  private static final Duration STEP = Duration.ofSeconds(1);
  /** The old per-read timeouts let a drip run for minutes; this bound is many times the deadline. */
  private static final long BOUND_SECONDS = 20;
  private static TestCa ca;

  @BeforeAll
  static void ca() throws Exception {
    ca = TestCa.create("deadline-ca");
  }

  static GoogleCredentials token() {
    return GoogleCredentials.create(new AccessToken("fixture-token",
        Date.from(Instant.now().plus(Duration.ofHours(1)))));
  }

  static ConnectorConfig fakeConfig(FakeAdminApi api) {
    return ConnectorConfig.builder().adminServiceEndpoint(api.endpoint()).credentials(token())
        .connectTimeout(STEP).handshakeTimeout(STEP).refreshTimeout(Duration.ofSeconds(5)).build();
  }

  private static void dripIsCutAtTheDeadline(HostileProxy mode, Class<? extends ConnectorException> type,
      String message) throws Exception {
    Set<Thread> before = Leaks.threads();
    try (HostileServer server = mode.start(ca);
        FakeAdminApi api = new FakeAdminApi(ca, Map.of("ipAddress", "127.0.0.1"));
        ConnectorCore core = ConnectorCore.start(fakeConfig(api), Clock.systemUTC(), RefreshPolicy.DEFAULT,
            server.port())) {
      CompletableFuture<Socket> dial = CompletableFuture.supplyAsync(() -> core.dial(INSTANCE, IpType.PRIVATE,
          false));
      assertThatThrownBy(() -> dial.get(BOUND_SECONDS, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
          .cause().isInstanceOf(type).hasMessageContaining(message);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (server.repliesCut() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(server.repliesCut()).as("the peer saw its connection closed").isEqualTo(1);
      assertThat(Leaks.clientSocketsTo(server.port())).isZero();
    }
    assertThat(Leaks.newThreads(before)).as("threads left behind").isEmpty();
  }

  @Test
  void aHandshakeDrippedByteByByteEndsAtTheDeadline() throws Exception {
    dripIsCutAtTheDeadline(HostileProxy.DRIP_HANDSHAKE, DialException.class,
        "TLS handshake with 127.0.0.1 timed out after PT1S");
  }

  @Test
  void anExchangeResponseDrippedByteByByteEndsAtTheDeadline() throws Exception {
    dripIsCutAtTheDeadline(HostileProxy.DRIP_EXCHANGE, MetadataExchangeException.class,
        "no response from the server within PT1S");
  }

  @Test
  void anAsyncConnectWhoseLoginStallsFailsAtTheDefaultLoginTimeout() throws Exception {
    Set<Thread> before = Leaks.threads();
    try (HostileServer server = HostileProxy.EXCHANGE_OK.start(ca);
        FakeAdminApi api = new FakeAdminApi(ca, Map.of("ipAddress", "127.0.0.1"));
        ConnectorCore core = ConnectorCore.start(fakeConfig(api), Clock.systemUTC(), RefreshPolicy.DEFAULT,
            server.port())) {
      Properties info = new Properties();
      info.setProperty("user", "someone");
      info.setProperty("password", "secret");
      CompletableFuture<java.sql.Connection> connect = PgjdbcConnections.connectAsync(core, INSTANCE.toString(), info)
          .toCompletableFuture();
      assertThatThrownBy(() -> connect.get(BOUND_SECONDS, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
          .cause().isInstanceOf(SQLException.class).hasMessageContaining("PostgreSQL start-up")
          .hasMessageContaining("within PT1S");
      assertThat(Leaks.clientSocketsTo(server.port())).isZero();
    }
    assertThat(Leaks.newThreads(before)).as("threads left behind").isEmpty();
  }

  @Test
  void theLoginDeadlineEndsWithTheStartUpAndLeavesQueriesUnbounded() throws Exception {
    EmulatorSupport.resetEmulator();
    try (ConnectorCore core = ConnectorCore.start(EmulatorSupport.config().build())) {
      Properties info = EmulatorSupport.passwordLogin();
      info.setProperty("loginTimeout", "1");
      try (java.sql.Connection c = PgjdbcConnections.connect(core, EmulatorSupport.instanceUri(), info);
          java.sql.Statement s = c.createStatement()) {
        assertThat(s.execute("select pg_sleep(2)")).as("a query longer than the login timeout").isTrue();
      }
      info.setProperty("loginTimeout", "0");
      assertThatThrownBy(() -> PgjdbcConnections.connect(core, EmulatorSupport.instanceUri(), info))
          .isInstanceOf(SQLException.class).hasMessageContaining("Invalid loginTimeout '0'")
          .hasMessageContaining("expected whole seconds from 1 to 3600");
    }
  }

  @Test
  void durationsBeyondTheAllowedRangeAreConfigurationErrors() {
    for (String option : new String[] {"connectTimeout", "handshakeTimeout", "refreshTimeout"}) {
      ConnectorConfig.Builder builder = ConnectorConfig.builder();
      switch (option) {
        case "connectTimeout" -> builder.connectTimeout(Duration.ofDays(30));
        case "handshakeTimeout" -> builder.handshakeTimeout(Duration.ofDays(30));
        default -> builder.refreshTimeout(Duration.ofDays(30));
      }
      assertThatThrownBy(builder::build).isInstanceOf(ConnectorConfigException.class)
          .hasMessageContaining(option).hasMessageContaining("PT720H")
          .hasMessageContaining("expected between PT0.001S and PT1H");
    }
    assertThatThrownBy(() -> ConnectorConfig.builder().connectTimeout(Duration.ofNanos(1)).build())
        .isInstanceOf(ConnectorConfigException.class).hasMessageContaining("connectTimeout");
  }
}
