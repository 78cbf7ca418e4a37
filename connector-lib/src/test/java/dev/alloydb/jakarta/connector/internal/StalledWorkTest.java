package dev.alloydb.jakarta.connector.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alloydb.jakarta.connector.ConnectorConfig;
import dev.alloydb.jakarta.emulator.AdminRpc;
import dev.alloydb.jakarta.emulator.AlloyDbEmulator;
import dev.alloydb.jakarta.testkit.tls.HostileServer;
import dev.alloydb.jakarta.testkit.tls.TestCa;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Connects that hang in the network hold no thread the refreshes need. */
class StalledWorkTest {
  private final AlloyDbEmulator emulator = EmulatorSupport.emulator();
  private final String uri = EmulatorSupport.instanceUri();

  @BeforeEach
  @AfterEach
  void reset() {
    EmulatorSupport.resetEmulator();
  }

  private long certificateCalls() {
    return emulator.counters().adminCalls(AdminRpc.GENERATE_CLIENT_CERTIFICATE, uri);
  }

  @Test
  void sixStalledAsyncConnectsDoNotDelayTheScheduledRefresh() throws Exception {
    // certificates of 8 s refreshed 5 s before expiry: the refresh is due 3 s after the first connect
    emulator.faults().clientCertificateLifetime(Duration.ofSeconds(8));
    RefreshPolicy policy = new RefreshPolicy(Duration.ofSeconds(5), Duration.ofMillis(200), 2);
    ConnectorConfig config = EmulatorSupport.config().handshakeTimeout(Duration.ofSeconds(40))
        .refreshTimeout(Duration.ofSeconds(10)).build();
    List<CompletableFuture<Connection>> stalled = new ArrayList<>();
    try (ConnectorCore core = ConnectorCore.start(config, Clock.systemUTC(), policy, Dialer.SERVER_PROXY_PORT)) {
      try (Connection c = PgjdbcConnections.connect(core, uri, EmulatorSupport.passwordLogin())) {
        assertThat(c.isValid(5)).isTrue();
      }
      long before = certificateCalls();
      emulator.faults().proxyStall(true);
      for (int i = 0; i < 6; i++) {
        stalled.add(PgjdbcConnections.connectAsync(core, uri, EmulatorSupport.passwordLogin()).toCompletableFuture());
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (certificateCalls() == before && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(certificateCalls()).as("the refresh due while the connects stall").isGreaterThan(before);
      assertThat(stalled).as("connects still stalled when the refresh ran").noneMatch(CompletableFuture::isDone);
    } finally {
      emulator.faults().proxyStall(false);
      for (CompletableFuture<Connection> connect : stalled) {
        connect.handle((c, e) -> {
          closeQuietly(c);
          return null;
        }).get(60, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void sixStalledLoginsDoNotDelayTheScheduledRefresh() throws Exception {
    TestCa ca = TestCa.create("stalled-login-ca");
    // one-hour certificates refreshed 3 s after issue: a buffer of 59 min 57 s
    RefreshPolicy policy = new RefreshPolicy(Duration.ofHours(1).minusSeconds(3), Duration.ofMillis(200), 2);
    List<CompletableFuture<Connection>> stalled = new ArrayList<>();
    try (HostileServer server = HostileProxy.EXCHANGE_OK.start(ca);
        FakeAdminApi api = new FakeAdminApi(ca, Map.of("ipAddress", "127.0.0.1"));
        ConnectorCore core = ConnectorCore.start(DialDeadlineTest.fakeConfig(api), Clock.systemUTC(), policy,
            server.port())) {
      Properties info = new Properties();
      info.setProperty("user", "someone");
      info.setProperty("password", "secret");
      info.setProperty("loginTimeout", "40");
      for (int i = 0; i < 6; i++) {
        stalled.add(PgjdbcConnections.connectAsync(core, "projects/p/locations/r/clusters/c/instances/i", info)
            .toCompletableFuture());
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (api.certificates() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(api.certificates()).as("certificates: the first and the refresh due while the logins stall")
          .isEqualTo(2);
      assertThat(stalled).as("logins still stalled when the refresh ran").noneMatch(CompletableFuture::isDone);
      server.close();
      for (CompletableFuture<Connection> connect : stalled) {
        connect.handle((c, e) -> {
          closeQuietly(c);
          return null;
        }).get(60, TimeUnit.SECONDS);
      }
    }
  }

  private static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // the test only needs it closed
      }
    }
  }
}
