package dev.alloydb.jakarta.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alloydb.jakarta.connector.internal.ConnectorCore;
import dev.alloydb.jakarta.connector.internal.EmulatorSupport;
import dev.alloydb.jakarta.connector.internal.PgjdbcConnections;
import dev.alloydb.jakarta.connector.internal.ReliabilityHooks;
import dev.alloydb.jakarta.emulator.AdminCall;
import dev.alloydb.jakarta.emulator.AdminRpc;
import dev.alloydb.jakarta.emulator.AlloyDbEmulator;
import dev.alloydb.jakarta.testkit.load.Load;
import io.grpc.Status;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Admin API goes down, under load, for longer than a refresh period while the client certificate is short-lived
 * but still valid: every connection keeps working, the refresh recovers once the API is back, and the connector
 * never calls the API faster than its rate limit allows.
 *
 * <p>Time is compressed: 40 s certificates, refresh 30 s before expiry (so 10 s after issue), at most one refresh per
 * 2 s after a burst of 2, through the package-private policy hook. The production values (4 min, 30 s, 2) scale
 * the same way.
 */
@ExtendWith(SuiteLogs.class)
class AdminOutageUnderLoadTest {
  private static final Duration CERT_LIFETIME = Duration.ofSeconds(40);
  private static final Duration BUFFER = Duration.ofSeconds(30);
  private static final Duration INTERVAL = Duration.ofSeconds(2);
  private static final int BURST = 2;
  private static final Duration OUTAGE = Duration.ofSeconds(20);

  private final AlloyDbEmulator emulator = SuiteConfig.emulator();

  @AfterEach
  void reset() {
    EmulatorSupport.resetEmulator();
  }

  @Test
  void connectionsKeepWorkingThroughTheOutageAndRefreshRecoversAtTheRateLimit() throws Exception {
    EmulatorSupport.resetEmulator();
    emulator.faults().clientCertificateLifetime(CERT_LIFETIME);
    String uri = SuiteConfig.instanceUri();
    try (ConnectorCore core = ReliabilityHooks.start(SuiteConfig.config().build(), BUFFER, INTERVAL, BURST);
        Load load = Load.start(8, () -> {
          try (Connection c = PgjdbcConnections.connect(core, uri, EmulatorSupport.passwordLogin())) {
            SuiteConfig.use(c);
          }
        })) {
      load.awaitMoreOperations(16, Duration.ofMinutes(1));
      assertThat(load.failures()).isZero();
      int before = emulator.counters().adminCallLog().size();

      emulator.faults().adminError(Status.Code.UNAVAILABLE);
      long outageStart = System.nanoTime();
      Thread.sleep(OUTAGE.toMillis());
      List<AdminCall> duringOutage = since(before);
      emulator.faults().adminError(null);
      Duration outage = Duration.ofNanos(System.nanoTime() - outageStart);
      long failedDuringOutage = load.failures();
      int afterOutage = emulator.counters().adminCallLog().size();

      awaitSuccessfulCertificateCall(afterOutage, INTERVAL.multipliedBy(2).plusSeconds(20));
      load.awaitMoreOperations(16, Duration.ofMinutes(1));
      load.stop(Duration.ofMinutes(1));

      List<AdminCall> failed = duringOutage.stream().filter(c -> c.status() != Status.Code.OK).toList();
      long failedCertificateCalls = failed.stream()
          .filter(c -> c.rpc() == AdminRpc.GENERATE_CLIENT_CERTIFICATE).count();
      long refreshSlots = BURST + outage.toMillis() / INTERVAL.toMillis() + 1;
      double callsPerSecond = failedCertificateCalls * 1000.0 / outage.toMillis();
      System.out.printf("admin outage: %s, %d operations, %d failures, %d Admin API calls refused during the outage"
          + " (%d GenerateClientCertificate, %.2f/s), refresh slots the rate limit allows %d%n", outage,
          load.operations(), load.failures(), failed.size(), failedCertificateCalls, callsPerSecond, refreshSlots);

      assertThat(failedDuringOutage).as("failed operations during the outage; first: %s", load.firstFailures()).isZero();
      assertThat(load.failures()).as("failed operations; first: %s", load.firstFailures()).isZero();
      assertThat(failedCertificateCalls).as("the scheduled refresh fell into the outage and was retried")
          .isGreaterThanOrEqualTo(2);
      // Each refresh attempt is one rate-limited slot; inside it the Admin API client retries UNAVAILABLE with
      // backoff (250 ms growing to 2 s, within the refresh timeout), so the call rate stays near one per second per
      // RPC however many connections are being opened.
      assertThat(callsPerSecond).as("GenerateClientCertificate calls per second while down: no storm").isLessThan(2.0);
      assertThat(failedCertificateCalls).as("calls do not follow the connection load")
          .isLessThan(load.operations() / 10);
    }
  }

  private List<AdminCall> since(int index) {
    List<AdminCall> log = emulator.counters().adminCallLog();
    return log.subList(index, log.size());
  }

  private void awaitSuccessfulCertificateCall(int from, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (since(from).stream().noneMatch(
        c -> c.rpc() == AdminRpc.GENERATE_CLIENT_CERTIFICATE && c.status() == Status.Code.OK)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no successful refresh within " + timeout + " after the outage: " + since(from));
      }
      Thread.sleep(50);
    }
  }
}
