package dev.alloydb.jakarta.connector.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alloydb.jakarta.connector.AdminApiException;
import dev.alloydb.jakarta.connector.ConnectorConfig;
import dev.alloydb.jakarta.emulator.AdminCall;
import dev.alloydb.jakarta.emulator.AdminRpc;
import dev.alloydb.jakarta.emulator.AlloyDbEmulator;
import io.grpc.Status;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * While the Admin API is down, a valid certificate keeps serving: a failed dial starts at most one refresh in the
 * background and holds back no other caller; a credential refusal starts none; without a valid certificate a
 * connect fails once with the Admin API's status and later ones fail at once, calling nothing.
 */
class ServeThroughOutageTest {
  private static final Duration REFRESH_TIMEOUT = Duration.ofSeconds(20);
  /** Far below the refresh timeout a forced refresh waits out during the outage, far above a normal connect. */
  private static final Duration CONNECT_BOUND = Duration.ofSeconds(5);

  private final AlloyDbEmulator emulator = EmulatorSupport.emulator();
  private final String uri = EmulatorSupport.instanceUri();

  @BeforeEach
  @AfterEach
  void reset() {
    EmulatorSupport.resetEmulator();
  }

  private ConnectorConfig config() {
    return EmulatorSupport.config().refreshTimeout(REFRESH_TIMEOUT).build();
  }

  private void connectOnce(ConnectorCore core, Properties info) throws SQLException {
    try (Connection c = PgjdbcConnections.connect(core, uri, info)) {
      assertThat(c.isValid(5)).isTrue();
    }
  }

  private long calls(AdminRpc rpc) {
    return emulator.counters().adminCallLog().stream().filter(c -> c.rpc() == rpc).count();
  }

  @Test
  void aDroppedConnectionDuringAnOutageHoldsBackNoOtherConnect() throws Exception {
    try (ConnectorCore core = ConnectorCore.start(config())) {
      connectOnce(core, EmulatorSupport.passwordLogin());
      emulator.counters().reset();
      emulator.faults().adminError(Status.Code.UNAVAILABLE);
      emulator.faults().proxyRefuseConnections(true);
      CompletableFuture<Void> dropped = CompletableFuture.runAsync(() -> {
        try {
          connectOnce(core, EmulatorSupport.passwordLogin());
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      });
      emulator.counters().awaitProxyConnections(1, Duration.ofSeconds(10));
      emulator.faults().proxyRefuseConnections(false);
      for (int i = 0; i < 5; i++) {
        long start = System.nanoTime();
        connectOnce(core, EmulatorSupport.passwordLogin());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("connect %d during the outage", i)
            .isLessThan(CONNECT_BOUND);
      }
      assertThatThrownBy(() -> dropped.get(REFRESH_TIMEOUT.toSeconds() * 2, TimeUnit.SECONDS))
          .hasRootCauseInstanceOf(java.io.IOException.class);
      assertThat(calls(AdminRpc.GET_CONNECTION_INFO)).as("GetConnectionInfo calls: one refresh, 2 attempts at most")
          .isLessThanOrEqualTo(2);
      assertThat(calls(AdminRpc.GENERATE_CLIENT_CERTIFICATE)).as("GenerateClientCertificate calls")
          .isLessThanOrEqualTo(2);
    }
  }

  @Test
  void aCredentialRefusalInTheExchangeForcesNoRefresh() throws Exception {
    try (ConnectorCore core = ConnectorCore.start(config())) {
      connectOnce(core, EmulatorSupport.passwordLogin());
      for (int i = 0; i < 3; i++) {
        emulator.faults().proxyExchangeError("IAM user not allowed");
        assertThatThrownBy(() -> connectOnce(core, EmulatorSupport.iamLogin())).isInstanceOf(SQLException.class)
            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28000"))
            .hasCauseInstanceOf(dev.alloydb.jakarta.connector.MetadataExchangeException.class);
        emulator.faults().proxyExchangeError(null);
        connectOnce(core, EmulatorSupport.passwordLogin());
      }
      assertThat(calls(AdminRpc.GENERATE_CLIENT_CERTIFICATE)).as("certificates: the first refresh only")
          .isEqualTo(1);
      assertThat(calls(AdminRpc.GET_CONNECTION_INFO)).isEqualTo(1);
    }
  }

  @Test
  void withoutAValidCertificateAConnectFailsOnceWithTheStatusAndLaterOnesFailAtOnce() throws Exception {
    emulator.faults().adminError(Status.Code.UNAVAILABLE);
    try (ConnectorCore core = ConnectorCore.start(config())) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> connectOnce(core, EmulatorSupport.passwordLogin()))
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08001"))
          .hasMessageContaining("UNAVAILABLE").hasMessageContaining(uri)
          .hasCauseInstanceOf(AdminApiException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).as("first failure").isLessThan(REFRESH_TIMEOUT);
      List<AdminCall> first = emulator.counters().adminCallLog();
      for (int i = 0; i < 4; i++) {
        assertThatThrownBy(() -> connectOnce(core, EmulatorSupport.passwordLogin()))
            .isInstanceOf(SQLException.class).hasMessageContaining("UNAVAILABLE")
            .hasCauseInstanceOf(AdminApiException.class);
      }
      assertThat(emulator.counters().adminCallLog()).as("Admin API calls of the later connects")
          .isEqualTo(first);
      assertThat(first.stream().filter(c -> c.rpc() == AdminRpc.GET_CONNECTION_INFO).count())
          .as("GetConnectionInfo attempts of the one refresh").isBetween(1L, 2L);
    }
  }
}
