package dev.alloydb.jakarta.connector.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alloydb.jakarta.connector.InstanceStatus;
import dev.alloydb.jakarta.emulator.AlloyDbEmulator;
import dev.alloydb.jakarta.testkit.secrets.SecretScanner;
import io.grpc.Status;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connector's metrics and status, read where operators read them (JMX) and from the status API. */
class MetricsTest {
  private static final long FAST_INTERVAL_MS = 200;
  private static final RefreshPolicy FAST = new RefreshPolicy(Duration.ofMinutes(4),
      Duration.ofMillis(FAST_INTERVAL_MS), 2);

  private final AlloyDbEmulator emulator = EmulatorSupport.emulator();
  private final String uri = EmulatorSupport.instanceUri();
  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

  @BeforeEach
  @AfterEach
  void reset() {
    EmulatorSupport.resetEmulator();
  }

  private ConnectorCore start() {
    return ConnectorCore.start(EmulatorSupport.config().build(), Clock.systemUTC(), FAST, Dialer.SERVER_PROXY_PORT);
  }

  private ObjectName name(ConnectorCore core) throws Exception {
    Object id = server.getAttribute(connectorName(core), "ConnectorId");
    return new ObjectName("dev.alloydb.jakarta:type=ConnectorInstance,connector=" + id + ",instance="
        + ObjectName.quote(uri));
  }

  /** The connector MBean listing this test's instance and no other open connector's: the one of {@code core}. */
  private ObjectName connectorName(ConnectorCore core) throws Exception {
    for (ObjectName candidate : server.queryNames(new ObjectName("dev.alloydb.jakarta:type=Connector,*"), null)) {
      String id = candidate.getKeyProperty("connector");
      if (id.equals(core.telemetryId())) {
        return candidate;
      }
    }
    throw new AssertionError("no connector MBean for connector " + core.telemetryId());
  }

  private Object attribute(ConnectorCore core, String attribute) throws Exception {
    return server.getAttribute(name(core), attribute);
  }

  private static Map<Object, Object> map(Object tabular) {
    java.util.Map<Object, Object> map = new java.util.TreeMap<>();
    for (Object row : ((TabularData) tabular).values()) {
      CompositeData entry = (CompositeData) row;
      map.put(entry.get("key"), entry.get("value"));
    }
    return map;
  }

  private Connection connect(ConnectorCore core) throws SQLException {
    return PgjdbcConnections.connect(core, uri, EmulatorSupport.passwordLogin());
  }

  @Test
  void nConnectsCountNDialsAndNLatencyObservationsAndOpenConnectionsFollowCloses() throws Exception {
    int n = 5;
    try (ConnectorCore core = start()) {
      List<Connection> open = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        open.add(connect(core));
      }
      assertThat(attribute(core, "DialCount")).isEqualTo((long) n);
      assertThat(attribute(core, "DialLatencyCount")).isEqualTo((long) n);
      long[] buckets = (long[]) attribute(core, "DialLatencyBucketCounts");
      assertThat(java.util.Arrays.stream(buckets).sum()).isEqualTo(n);
      assertThat(buckets).hasSize(((double[]) attribute(core, "DialLatencyBucketBoundsMillis")).length + 1);
      assertThat((double) attribute(core, "DialLatencySumMillis")).isPositive();
      assertThat(map(attribute(core, "DialFailures"))).isEmpty();
      assertThat(attribute(core, "OpenConnections")).isEqualTo(n);

      open.get(0).close();
      open.get(1).close();
      assertThat(attribute(core, "OpenConnections")).isEqualTo(n - 2);
      for (Connection c : open) {
        c.close();
      }
      assertThat(attribute(core, "OpenConnections")).isEqualTo(0);

      assertThat(attribute(core, "RefreshSuccesses")).isEqualTo(1L);
      assertThat(attribute(core, "State")).isEqualTo("READY");
      assertThat(attribute(core, "LastError")).isEqualTo("");
      long expiry = (long) attribute(core, "CertificateExpiryEpochSeconds");
      assertThat(Instant.ofEpochSecond(expiry)).isAfter(Instant.now().plus(Duration.ofMinutes(50)));
      assertThat((long) attribute(core, "LastRefreshEpochSeconds"))
          .isBetween(Instant.now().minusSeconds(120).getEpochSecond(), Instant.now().getEpochSecond());
    }
  }

  @Test
  void anAdminApiFaultCountsARefreshFailureWithItsStatusAndRecoveryClearsIt() throws Exception {
    emulator.faults().adminError(Status.Code.PERMISSION_DENIED);
    try (ConnectorCore core = start()) {
      assertThatThrownBy(() -> connect(core)).isInstanceOf(SQLException.class);

      assertThat(map(attribute(core, "RefreshFailures"))).containsEntry("PERMISSION_DENIED", 1L);
      assertThat(attribute(core, "RefreshSuccesses")).isEqualTo(0L);
      assertThat(map(attribute(core, "DialFailures"))).containsOnlyKeys("admin_api_error");
      assertThat(attribute(core, "DialLatencyCount")).isEqualTo(0L);
      InstanceStatus failed = core.instanceStatus().get(0);
      assertThat(failed.state()).isEqualTo(InstanceStatus.State.FAILED);
      assertThat(failed.instanceUri()).isEqualTo(uri);
      assertThat(failed.lastError()).get().asString().contains("PERMISSION_DENIED");
      assertThat(failed.certificateExpiry()).isEmpty();
      assertThat(attribute(core, "State")).isEqualTo("FAILED");

      emulator.faults().adminError(null);
      connectUntilItWorks(core);

      InstanceStatus recovered = core.instanceStatus().get(0);
      assertThat(recovered.state()).isEqualTo(InstanceStatus.State.READY);
      assertThat(recovered.lastError()).isEmpty();
      assertThat(recovered.certificateExpiry()).get().matches(e -> e.isAfter(Instant.now()));
      assertThat(recovered.lastRefresh()).isPresent();
      assertThat(attribute(core, "RefreshSuccesses")).isEqualTo(1L);
      assertThat(attribute(core, "LastError")).isEqualTo("");
    }
  }

  private void connectUntilItWorks(ConnectorCore core) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try (Connection c = connect(core)) {
        return;
      } catch (SQLException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(100);
      }
    }
  }

  @Test
  void aRefusedMetadataExchangeCountsAsAnExchangeFailure() throws Exception {
    try (ConnectorCore core = start()) {
      connect(core).close();
      emulator.faults().proxyExchangeError("refused by the test");
      assertThatThrownBy(() -> connect(core)).isInstanceOf(SQLException.class);
      assertThat(attribute(core, "DialCount")).isEqualTo(2L);
      assertThat(map(attribute(core, "DialFailures"))).containsExactly(Map.entry((Object) "mdx_error", (Object) 1L));
      assertThat(attribute(core, "DialLatencyCount")).isEqualTo(1L);
    }
  }

  @Test
  void aTlsFailureThatARefreshCouldNotAnswerCountsAsTlsNotAsTheRefresh() throws Exception {
    try (ConnectorCore core = start()) {
      connect(core).close();
      Thread.sleep(FAST_INTERVAL_MS);
      emulator.faults().rotateCa();
      emulator.faults().adminError(Status.Code.UNAVAILABLE);
      assertThatThrownBy(() -> connect(core)).isInstanceOf(SQLException.class);
      assertThat(map(attribute(core, "DialFailures"))).containsExactly(Map.entry((Object) "tls_error", (Object) 1L));
      // the refresh it started failed (a background retry may have failed since): still READY, the old
      // certificate has not expired
      assertThat(map(attribute(core, "RefreshFailures"))).containsKey("UNAVAILABLE");
      assertThat(attribute(core, "State")).isEqualTo("READY");
    }
  }

  @Test
  void theMBeansLeaveWithTheConnectorAndTheirAttributesHoldNoSecret() throws Exception {
    ObjectName instanceName;
    ObjectName connector;
    StringBuilder dump = new StringBuilder();
    try (ConnectorCore core = start()) {
      connect(core).close();
      emulator.faults().adminError(Status.Code.UNAUTHENTICATED);
      instanceName = name(core);
      connector = connectorName(core);
      for (ObjectName name : List.of(instanceName, connector)) {
        dump.append(name).append('\n');
        for (MBeanAttributeInfo info : server.getMBeanInfo(name).getAttributes()) {
          Object value = server.getAttribute(name, info.getName());
          dump.append(info.getName()).append('=').append(value instanceof long[] l ? java.util.Arrays.toString(l)
              : value instanceof double[] d ? java.util.Arrays.toString(d) : String.valueOf(value)).append('\n');
        }
      }
    }
    assertThat(server.isRegistered(instanceName)).isFalse();
    assertThat(server.isRegistered(connector)).isFalse();
    assertThat(dump).contains(uri, "DialCount=1");
    assertThat(SecretScanner.scan(dump.toString(), List.of(new SecretScanner.Secret("database password",
        emulator.password())))).isEmpty();
  }

  @Test
  void withMetricsOffNothingIsRegisteredAndTheStatusIsStillKept() throws Exception {
    try (ConnectorCore core = ConnectorCore.start(EmulatorSupport.config().metrics(false).build(),
        Clock.systemUTC(), FAST, Dialer.SERVER_PROXY_PORT)) {
      connect(core).close();
      assertThat(server.queryNames(new ObjectName("dev.alloydb.jakarta:type=ConnectorInstance,connector="
          + core.telemetryId() + ",*"), null)).isEmpty();
      assertThat(core.instanceStatus()).singleElement()
          .satisfies(s -> assertThat(s.state()).isEqualTo(InstanceStatus.State.READY));
    }
  }

  @Test
  void twoOpenConnectorsGetDistinctIdsAndAClosedOnesIdIsReused() throws Exception {
    try (ConnectorCore first = start(); ConnectorCore second = start()) {
      assertThat(first.telemetryId()).isNotEqualTo(second.telemetryId());
      String freed = first.telemetryId();
      first.close();
      try (ConnectorCore third = start()) {
        assertThat(Integer.parseInt(third.telemetryId())).isLessThanOrEqualTo(Integer.parseInt(freed));
      }
    }
  }
}
