package dev.alloydb.jakarta.connector.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alloydb.jakarta.connector.ConnectorConfig;
import dev.alloydb.jakarta.connector.ConnectorScheduler;
import dev.alloydb.jakarta.connector.RefreshStrategy;
import dev.alloydb.jakarta.connector.ScheduledTask;
import dev.alloydb.jakarta.emulator.AdminCall;
import dev.alloydb.jakarta.emulator.AdminRpc;
import dev.alloydb.jakarta.emulator.AlloyDbEmulator;
import io.grpc.Status;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Refresh behaviour end to end: the emulator's Admin API and proxy, real TLS, real PostgreSQL. */
class RefreshTest {
  private final AlloyDbEmulator emulator = EmulatorSupport.emulator();
  private final String uri = EmulatorSupport.instanceUri();
  private final String cluster = emulator.instance().clusterName();

  @BeforeEach
  @AfterEach
  void reset() {
    EmulatorSupport.resetEmulator();
  }

  private long certificateCalls() {
    return emulator.counters().adminCalls(AdminRpc.GENERATE_CLIENT_CERTIFICATE, cluster);
  }

  private long infoCalls() {
    return emulator.counters().adminCalls(AdminRpc.GET_CONNECTION_INFO, uri);
  }

  private void connectOnce(ConnectorCore core) throws SQLException {
    try (Connection c = PgjdbcConnections.connect(core, uri, EmulatorSupport.passwordLogin())) {
      assertThat(c.isValid(5)).isTrue();
    }
  }

  @Test
  void shortLivedCertificatesRotateBeforeExpiryWithNoFailedConnection() throws Exception {
    emulator.faults().clientCertificateLifetime(Duration.ofSeconds(8));
    RefreshPolicy fast = new RefreshPolicy(Duration.ofSeconds(5), Duration.ofMillis(200), 2);
    try (ConnectorCore core = ConnectorCore.start(EmulatorSupport.config().build(), Clock.systemUTC(), fast,
        Dialer.SERVER_PROXY_PORT)) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      int connections = 0;
      while (certificateCalls() < 4 && System.nanoTime() < deadline) {
        connectOnce(core);
        connections++;
      }
      assertThat(certificateCalls()).as("certificates issued").isGreaterThanOrEqualTo(4);
      assertThat(connections).isPositive();
      assertThat(emulator.counters().proxyConnections())
          .allSatisfy(p -> assertThat(p.outcome().name()).isEqualTo("ACCEPTED"));
    }
  }

  @Test
  void fiftyConcurrentColdConnectsMakeExactlyOnePairOfAdminCalls() throws Exception {
    emulator.faults().adminLatency(Duration.ofMillis(500));
    int n = 50;
    ExecutorService callers = Executors.newFixedThreadPool(n);
    // 50 TLS handshakes at once, client and server in this JVM on 2 cores: the budgets bound the wait, they are
    // not what is tested, so they are generous.
    ConnectorConfig config = EmulatorSupport.config().handshakeTimeout(Duration.ofSeconds(60))
        .refreshTimeout(Duration.ofSeconds(60)).build();
    try (ConnectorCore core = ConnectorCore.start(config)) {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        results.add(callers.submit(() -> {
          go.await();
          try (Connection c = PgjdbcConnections.connect(core, uri, EmulatorSupport.passwordLogin())) {
            return c.getMetaData().getUserName();
          }
        }));
      }
      go.countDown();
      for (Future<String> result : results) {
        assertThat(result.get(120, TimeUnit.SECONDS)).isEqualTo(emulator.passwordUser());
      }
      assertThat(infoCalls()).isEqualTo(1);
      assertThat(certificateCalls()).isEqualTo(1);
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void adminApiOutageWhileTheCertificateIsValidFailsNoConnection() throws Exception {
    emulator.faults().clientCertificateLifetime(Duration.ofSeconds(40));
    RefreshPolicy policy = new RefreshPolicy(Duration.ofSeconds(38), Duration.ofMillis(300), 2);
    try (ConnectorCore core = ConnectorCore.start(EmulatorSupport.config().build(), Clock.systemUTC(), policy,
        Dialer.SERVER_PROXY_PORT)) {
      connectOnce(core);
      emulator.faults().adminError(Status.Code.UNAVAILABLE);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      int connections = 0;
      while (failedAdminCalls() < 3 && System.nanoTime() < deadline) {
        connectOnce(core);
        connections++;
      }
      assertThat(failedAdminCalls()).as("refreshes that failed during the outage").isGreaterThanOrEqualTo(3);
      assertThat(connections).isPositive();
      emulator.faults().adminError((Status.Code) null);
    }
  }

  private long failedAdminCalls() {
    return emulator.counters().adminCallLog().stream().map(AdminCall::status)
        .filter(status -> status != Status.Code.OK).count();
  }

  @Test
  void caRotationRecoversThroughAForcedRefresh() throws Exception {
    try (ConnectorCore core = ConnectorCore.start(EmulatorSupport.config().build())) {
      connectOnce(core);
      assertThat(certificateCalls()).isEqualTo(1);
      emulator.faults().rotateCa();
      // The refused handshake forces a refresh, and the dial is retried once with its result.
      connectOnce(core);
      assertThat(certificateCalls()).as("one forced refresh").isEqualTo(2);
    }
  }

  @Test
  void lazyStrategyMakesNoCallWhileIdle() throws Exception {
    CountingScheduler scheduler = new CountingScheduler();
    RefreshPolicyTest.MutableClock clock = new RefreshPolicyTest.MutableClock(Clock.systemUTC().instant());
    ConnectorConfig config = EmulatorSupport.config().refreshStrategy(RefreshStrategy.LAZY)
        .scheduler(scheduler).build();
    try (ConnectorCore core = ConnectorCore.start(config, clock, RefreshPolicy.DEFAULT,
        Dialer.SERVER_PROXY_PORT)) {
      connectOnce(core);
      connectOnce(core);
      assertThat(certificateCalls()).isEqualTo(1);
      assertThat(infoCalls()).isEqualTo(1);
      clock.advance(Duration.ofMinutes(50));
      assertThat(scheduler.pending.get()).as("nothing scheduled while idle (a connect's deadline timers end with it)")
          .isZero();
      assertThat(certificateCalls()).isEqualTo(1);
      connectOnce(core);
      assertThat(certificateCalls()).as("still valid: no call").isEqualTo(1);
      clock.advance(Duration.ofMinutes(7));
      connectOnce(core);
      assertThat(certificateCalls()).as("within 4 min of expiry: refreshed in connect").isEqualTo(2);
      assertThat(infoCalls()).isEqualTo(2);
      assertThat(scheduler.pending.get()).isZero();
    } finally {
      scheduler.close();
    }
  }

  /** A caller-owned scheduler that counts delayed tasks neither run nor cancelled yet. */
  static final class CountingScheduler implements ConnectorScheduler, AutoCloseable {
    final AtomicInteger pending = new AtomicInteger();
    private final DaemonScheduler delegate = new DaemonScheduler();

    @Override
    public void execute(Runnable task) {
      delegate.execute(task);
    }

    @Override
    public ScheduledTask schedule(Runnable task, Duration delay) {
      java.util.concurrent.atomic.AtomicBoolean settled = new java.util.concurrent.atomic.AtomicBoolean();
      pending.incrementAndGet();
      ScheduledTask scheduled = delegate.schedule(() -> {
        if (settled.compareAndSet(false, true)) {
          pending.decrementAndGet();
        }
        task.run();
      }, delay);
      return () -> {
        if (settled.compareAndSet(false, true)) {
          pending.decrementAndGet();
        }
        scheduled.cancel();
      };
    }

    @Override
    public void close() {
      delegate.close();
    }
  }
}
