package dev.alloydb.jakarta.connector.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alloydb.jakarta.connector.ConnectorConfig;
import dev.alloydb.jakarta.connector.RefreshStrategy;
import dev.alloydb.jakarta.emulator.AdminRpc;
import dev.alloydb.jakarta.emulator.AlloyDbEmulator;
import java.security.KeyPair;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a cold connector overlaps: the Admin API calls with key generation, the tokens with both. */
class ColdStartTest {
  private final AlloyDbEmulator emulator = EmulatorSupport.emulator();
  private final String uri = EmulatorSupport.instanceUri();

  @BeforeEach
  @AfterEach
  void reset() {
    EmulatorSupport.resetEmulator();
  }

  private long calls(AdminRpc rpc) {
    return emulator.counters().adminCalls(rpc,
        rpc == AdminRpc.GENERATE_CLIENT_CERTIFICATE ? emulator.instance().clusterName() : uri);
  }

  private long tokens(String scope) {
    return emulator.counters().tokensIssued(scope);
  }

  private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition not met within 30 s").isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  @Test
  void getConnectionInfoIsIssuedBeforeTheKeyIsReadyAndTheCertificateRightAfter() throws Exception {
    emulator.faults().adminLatency(Duration.ofMillis(50));
    ConnectorConfig config = EmulatorSupport.config().build();
    try (DaemonScheduler scheduler = new DaemonScheduler();
        AdminApiClient admin = AdminApiClient.create(config, Credentials.load(config).api(),
            new SchedulerExecutorService(scheduler, dropped -> { }), "test")) {
      CompletableFuture<KeyPair> key = new CompletableFuture<>();
      CompletableFuture<ConnectionInfo> info = admin.fetch(InstanceUri.parse(uri), key);

      awaitTrue(() -> calls(AdminRpc.GET_CONNECTION_INFO) == 1);
      assertThat(calls(AdminRpc.GENERATE_CLIENT_CERTIFICATE)).isZero();
      assertThat(info).isNotDone();

      key.complete(ClientKeys.generate());
      ConnectionInfo result = info.get(30, TimeUnit.SECONDS);
      assertThat(result.instanceUid()).isEqualTo(emulator.instance().instanceUid());
      assertThat(calls(AdminRpc.GET_CONNECTION_INFO)).isEqualTo(1);
      assertThat(calls(AdminRpc.GENERATE_CLIENT_CERTIFICATE)).isEqualTo(1);
    }
  }

  @Test
  void aFailedKeyFailsTheFetchWithoutAskingForACertificate() throws Exception {
    ConnectorConfig config = EmulatorSupport.config().build();
    try (DaemonScheduler scheduler = new DaemonScheduler();
        AdminApiClient admin = AdminApiClient.create(config, Credentials.load(config).api(),
            new SchedulerExecutorService(scheduler, dropped -> { }), "test")) {
      CompletableFuture<KeyPair> key = new CompletableFuture<>();
      key.completeExceptionally(new IllegalStateException("no RSA here"));
      CompletableFuture<ConnectionInfo> info = admin.fetch(InstanceUri.parse(uri), key);
      assertThat(info).failsWithin(Duration.ofSeconds(30)).withThrowableThat()
          .withRootCauseInstanceOf(IllegalStateException.class).withMessageContaining("no RSA here");
      assertThat(calls(AdminRpc.GENERATE_CLIENT_CERTIFICATE)).isZero();
    }
  }

  @Test
  void backgroundConnectorFetchesBothTokensAtCreationOnItsScheduler() {
    ManualScheduler scheduler = new ManualScheduler();
    try (ConnectorCore core = ConnectorCore.start(EmulatorSupport.config().scheduler(scheduler).build())) {
      assertThat(tokens(AlloyDbEmulator.SCOPE_CLOUD_PLATFORM)).isZero();
      assertThat(tokens(AlloyDbEmulator.SCOPE_ALLOYDB_LOGIN)).isZero();
      scheduler.runReady();
      assertThat(tokens(AlloyDbEmulator.SCOPE_CLOUD_PLATFORM)).isEqualTo(1);
      assertThat(tokens(AlloyDbEmulator.SCOPE_ALLOYDB_LOGIN)).isEqualTo(1);
      assertThat(emulator.counters().adminCallLog()).isEmpty();
    }
  }

  /**
   * In a new JVM each thread beside the Admin API stub's initialisation slows it down: both tokens come from one
   * task, the Admin API's first.
   */
  @Test
  void backgroundConnectorFetchesBothTokensInOneTaskTheAdminApisFirst() {
    ManualScheduler scheduler = new ManualScheduler();
    try (ConnectorCore core = ConnectorCore.start(EmulatorSupport.config().scheduler(scheduler).build())) {
      while (scheduler.runNext()) {
        long api = tokens(AlloyDbEmulator.SCOPE_CLOUD_PLATFORM);
        long login = tokens(AlloyDbEmulator.SCOPE_ALLOYDB_LOGIN);
        assertThat(api).as("tokens after one task: login %d, Admin API %d", login, api).isEqualTo(login);
      }
      assertThat(tokens(AlloyDbEmulator.SCOPE_CLOUD_PLATFORM)).isEqualTo(1);
    }
  }

  @Test
  void lazyConnectorFetchesNothingAtCreation() {
    ManualScheduler scheduler = new ManualScheduler();
    try (ConnectorCore core = ConnectorCore.start(EmulatorSupport.config().scheduler(scheduler)
        .refreshStrategy(RefreshStrategy.LAZY).build())) {
      scheduler.runReady();
      assertThat(tokens(AlloyDbEmulator.SCOPE_CLOUD_PLATFORM)).isZero();
      assertThat(tokens(AlloyDbEmulator.SCOPE_ALLOYDB_LOGIN)).isZero();
      assertThat(emulator.counters().adminCallLog()).isEmpty();
    }
  }
}
