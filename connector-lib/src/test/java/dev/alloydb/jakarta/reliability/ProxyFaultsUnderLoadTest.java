package dev.alloydb.jakarta.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alloydb.jakarta.connector.Connector;
import dev.alloydb.jakarta.connector.DialException;
import dev.alloydb.jakarta.connector.MetadataExchangeException;
import dev.alloydb.jakarta.connector.internal.EmulatorSupport;
import dev.alloydb.jakarta.connector.internal.ReliabilityHooks;
import dev.alloydb.jakarta.emulator.AdminRpc;
import dev.alloydb.jakarta.emulator.AlloyDbEmulator;
import dev.alloydb.jakarta.emulator.ProxyConnection;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The instance's proxy misbehaves while many callers connect: it stalls (never answers the metadata exchange) or it
 * refuses every TCP connection. Callers must get a clear error within the configured bounds, every calling and
 * connector thread must be released, the failure must force a refresh without a storm of Admin API calls, and the
 * connector must work again as soon as the proxy does.
 */
@ExtendWith(SuiteLogs.class)
class ProxyFaultsUnderLoadTest {
  private static final int CALLERS = 16;
  private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(3);

  private final AlloyDbEmulator emulator = SuiteConfig.emulator();

  @BeforeEach
  @AfterEach
  void reset() {
    EmulatorSupport.resetEmulator();
  }

  @Test
  void stalledProxyTimesCallersOutWithinTheBoundAndReleasesEveryThread() throws Exception {
    Set<Thread> threadsBefore = Probe.clientThreads();
    long fdsBefore = Probe.openFileDescriptors();
    try (Connector connector = Connector.create(SuiteConfig.config().handshakeTimeout(HANDSHAKE_TIMEOUT).build())) {
      warmUp(connector);
      emulator.faults().proxyStall(true);

      List<Attempt> attempts = connectAll(connector);

      System.out.printf("proxy stall: %d callers timed out after %d..%d ms (handshake timeout %s)%n",
          attempts.size(), attempts.stream().mapToLong(a -> a.took.toMillis()).min().orElse(0),
          attempts.stream().mapToLong(a -> a.took.toMillis()).max().orElse(0), HANDSHAKE_TIMEOUT);
      assertThat(attempts).allSatisfy(a -> {
        assertThat(a.error).isInstanceOf(SQLException.class);
        assertThat(((SQLException) a.error).getSQLState()).isEqualTo("08001");
        assertThat(a.error.getCause()).isInstanceOf(MetadataExchangeException.class);
        assertThat(a.error.getMessage()).contains("no response from the server within " + HANDSHAKE_TIMEOUT);
        assertThat(a.took).as("bounded by the handshake timeout")
            .isGreaterThanOrEqualTo(HANDSHAKE_TIMEOUT)
            .isLessThan(HANDSHAKE_TIMEOUT.plus(EmulatorSupport.config().build().connectTimeout()).plusSeconds(20));
      });
      emulator.faults().proxyStall(false);
      try (Connection c = connector.connect(SuiteConfig.instanceUri(), EmulatorSupport.passwordLogin())) {
        SuiteConfig.use(c);
      }
    }
    assertThat(Probe.threadsNamed("alloydb-connector-")).as("connector threads after close").isEmpty();
    assertThat(Probe.awaitNoNewClientThreads(threadsBefore)).as("threads left behind").isEmpty();
    assertThat(Probe.awaitFileDescriptorsAtMost(fdsBefore + 2)).as("open descriptors")
        .isLessThanOrEqualTo(fdsBefore + 2);
  }

  @Test
  void refusingProxyGivesAClearErrorAndOneForcedRefreshNotAStorm() throws Exception {
    Set<Thread> threadsBefore = Probe.clientThreads();
    try (Connector connector = Connector.create(SuiteConfig.config().build())) {
      warmUp(connector);
      long certificateCallsBefore = emulator.counters().adminCalls(AdminRpc.GENERATE_CLIENT_CERTIFICATE);
      emulator.faults().proxyRefuseConnections(true);
      long start = System.nanoTime();

      List<Attempt> attempts = connectAll(connector);

      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      assertThat(attempts).allSatisfy(a -> {
        assertThat(a.error).isInstanceOf(SQLException.class);
        assertThat(((SQLException) a.error).getSQLState()).isEqualTo("08001");
        assertThat(a.error.getCause()).isInstanceOf(DialException.class);
        assertThat(a.error.getMessage()).contains(SuiteConfig.instanceUri()).contains("failed")
            .contains(emulator.instance().privateAddress());
      });
      awaitCertificateCalls(certificateCallsBefore + 1);
      long forced = emulator.counters().adminCalls(AdminRpc.GENERATE_CLIENT_CERTIFICATE) - certificateCallsBefore;
      long allowed = ReliabilityHooks.defaultBurst()
          + elapsed.toMillis() / ReliabilityHooks.defaultInterval().toMillis() + 1;
      System.out.printf("proxy refusing: %d callers failed in %s, %d forced refreshes (rate limit allows %d)%n",
          attempts.size(), elapsed, forced, allowed);
      assertThat(forced).as("forced refreshes after %d failures", CALLERS).isBetween(1L, allowed);
      assertThat(emulator.counters().proxyConnections()).extracting(ProxyConnection::outcome)
          .contains(ProxyConnection.Outcome.FAULT);

      emulator.faults().proxyRefuseConnections(false);
      awaitConnectWorks(connector);
    }
    assertThat(Probe.threadsNamed("alloydb-connector-")).isEmpty();
    assertThat(Probe.awaitNoNewClientThreads(threadsBefore)).as("threads left behind").isEmpty();
  }

  private static void warmUp(Connector connector) throws SQLException {
    try (Connection c = connector.connect(SuiteConfig.instanceUri(), EmulatorSupport.passwordLogin())) {
      SuiteConfig.use(c);
    }
  }

  /** The proxy's recovery may wait for a rate-limited refresh: retry for a while, as an application would. */
  private static void awaitConnectWorks(Connector connector) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (true) {
      try {
        warmUp(connector);
        return;
      } catch (SQLException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(500);
      }
    }
  }

  private void awaitCertificateCalls(long count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (emulator.counters().adminCalls(AdminRpc.GENERATE_CLIENT_CERTIFICATE) < count
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }

  /** One caller's failed connect and how long it took. */
  private record Attempt(Throwable error, Duration took) {
  }

  /** {@value #CALLERS} callers connect at once; each must fail. */
  private static List<Attempt> connectAll(Connector connector) throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
    CountDownLatch ready = new CountDownLatch(CALLERS);
    try {
      List<Future<Attempt>> futures = new ArrayList<>();
      for (int i = 0; i < CALLERS; i++) {
        futures.add(callers.submit(() -> {
          ready.countDown();
          ready.await();
          long start = System.nanoTime();
          try (Connection c = connector.connect(SuiteConfig.instanceUri(), EmulatorSupport.passwordLogin())) {
            throw new AssertionError("connected although the proxy is faulty");
          } catch (SQLException e) {
            return new Attempt(e, Duration.ofNanos(System.nanoTime() - start));
          }
        }));
      }
      List<Attempt> attempts = new ArrayList<>();
      for (Future<Attempt> f : futures) {
        attempts.add(f.get(2, TimeUnit.MINUTES));
      }
      return attempts;
    } finally {
      callers.shutdown();
      assertThat(callers.awaitTermination(1, TimeUnit.MINUTES)).as("callers released").isTrue();
    }
  }
}
