package dev.alloydb.jakarta.connector.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alloydb.jakarta.connector.AdminApiException;
import dev.alloydb.jakarta.connector.ConnectorConfig;
import dev.alloydb.jakarta.emulator.AdminRpc;
import dev.alloydb.jakarta.emulator.AlloyDbEmulator;
import dev.alloydb.jakarta.emulator.TimelineEvent;
import io.grpc.Status;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the Admin API client loads and runs for a refresh: the JDK's TLS stack rather than Conscrypt (which
 * google-cloud-alloydb puts on the class path and gax-httpjson would load, native library and all), and both calls in
 * flight at once.
 */
class AdminTransportTest {
  private final AlloyDbEmulator emulator = EmulatorSupport.emulator();
  private final String uri = EmulatorSupport.instanceUri();

  @BeforeEach
  @AfterEach
  void reset() {
    EmulatorSupport.resetEmulator();
  }

  @Test
  void aRefreshLoadsNoConscryptClass() throws Exception {
    ConnectorConfig config = EmulatorSupport.config().build();
    try (DaemonScheduler scheduler = new DaemonScheduler();
        AdminApiClient admin = AdminApiClient.create(config, Credentials.load(config).api(),
            new SchedulerExecutorService(scheduler, dropped -> { }), "test")) {
      ConnectionInfo info = admin.fetch(InstanceUri.parse(uri), CompletableFuture.completedFuture(
          ClientKeys.generate())).get(30, TimeUnit.SECONDS);
      assertThat(info.instanceUid()).isEqualTo(emulator.instance().instanceUid());
    }
    assertThat(loadedClasses()).as("classes loaded in this JVM").contains("java.lang.Object")
        .doesNotContain("org.conscrypt.");
  }

  @Test
  void bothCallsOfARefreshAreInFlightAtOnce() throws Exception {
    emulator.faults().adminLatency(Duration.ofSeconds(1));
    long start = System.nanoTime();
    ConnectorConfig config = EmulatorSupport.config().build();
    try (DaemonScheduler scheduler = new DaemonScheduler();
        AdminApiClient admin = AdminApiClient.create(config, Credentials.load(config).api(),
            new SchedulerExecutorService(scheduler, dropped -> { }), "test")) {
      admin.fetch(InstanceUri.parse(uri), CompletableFuture.completedFuture(ClientKeys.generate()))
          .get(30, TimeUnit.SECONDS);
    }
    List<String> events = emulator.counters().timeline().stream().filter(e -> e.nanos() >= start)
        .map(TimelineEvent::what).filter(w -> w.startsWith("GET_") || w.startsWith("GENERATE_")).toList();
    assertThat(events).hasSize(4);
    assertThat(events.subList(0, 2)).as("both received before either is answered").containsExactlyInAnyOrder(
        AdminRpc.GET_CONNECTION_INFO + " received", AdminRpc.GENERATE_CLIENT_CERTIFICATE + " received");
  }

  @Test
  void anErrorStatusTheEndpointAnsweredIsReportedAsThatStatusNotAsUnreachable() throws Exception {
    emulator.faults().adminError(Status.Code.UNAVAILABLE);
    ConnectorConfig config = EmulatorSupport.config().build();
    try (DaemonScheduler scheduler = new DaemonScheduler();
        AdminApiClient admin = AdminApiClient.create(config, Credentials.load(config).api(),
            new SchedulerExecutorService(scheduler, dropped -> { }), "test")) {
      CompletableFuture<ConnectionInfo> fetch = admin.fetch(InstanceUri.parse(uri),
          CompletableFuture.completedFuture(ClientKeys.generate()));
      assertThatThrownBy(() -> fetch.get(30, TimeUnit.SECONDS)).cause().isInstanceOf(AdminApiException.class)
          .hasMessageContaining("[" + uri + "] Admin API").hasMessageContaining("failed with UNAVAILABLE")
          .hasMessageNotContaining("cannot reach");
    }
  }

  /** Every class loaded, as HotSpot's diagnostic command lists them (no agent, no attach). */
  private static String loadedClasses() throws Exception {
    return (String) ManagementFactory.getPlatformMBeanServer().invoke(
        new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmClassHierarchy",
        new Object[] {null}, new String[] {String[].class.getName()});
  }
}
