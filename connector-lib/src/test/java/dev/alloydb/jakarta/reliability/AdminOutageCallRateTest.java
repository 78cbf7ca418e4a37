package dev.alloydb.jakarta.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alloydb.jakarta.connector.Connector;
import dev.alloydb.jakarta.connector.internal.EmulatorSupport;
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
 * The Admin API answers UNAVAILABLE to every call for two minutes while 4 threads keep connecting through a
 * connector with production settings and no certificate yet: the worst case, every connect wants a refresh. Calls
 * per RPC stay within 10 in the first minute and 2 per minute after; every connect fails with the status.
 */
@ExtendWith(SuiteLogs.class)
class AdminOutageCallRateTest {
  private static final Duration MINUTE = Duration.ofMinutes(1);

  private final AlloyDbEmulator emulator = SuiteConfig.emulator();

  @AfterEach
  void reset() {
    EmulatorSupport.resetEmulator();
  }

  @Test
  void callsPerMinuteStayBoundedWhateverTheConnectRate() throws Exception {
    EmulatorSupport.resetEmulator();
    emulator.faults().adminError(Status.Code.UNAVAILABLE);
    String uri = SuiteConfig.instanceUri();
    try (Connector connector = Connector.create(SuiteConfig.config().build());
        Load load = Load.start(4, () -> {
          Thread.sleep(50);
          try (Connection c = connector.connect(uri, EmulatorSupport.passwordLogin())) {
            SuiteConfig.use(c);
          }
        })) {
      Thread.sleep(MINUTE.toMillis());
      List<AdminCall> firstMinute = emulator.counters().adminCallLog();
      Thread.sleep(MINUTE.toMillis());
      List<AdminCall> twoMinutes = emulator.counters().adminCallLog();
      load.stop(MINUTE);
      long[] first = perRpc(firstMinute);
      long[] second = perRpc(twoMinutes.subList(firstMinute.size(), twoMinutes.size()));
      System.out.printf("admin outage call rate: %d connects failed, %d succeeded; minute 1: %d GetConnectionInfo,"
          + " %d GenerateClientCertificate; minute 2: %d, %d%n", load.failures(), load.operations(), first[0],
          first[1], second[0], second[1]);
      assertThat(load.operations()).as("connects that succeeded without a certificate").isZero();
      assertThat(load.failures()).as("connects that failed").isPositive();
      assertThat(load.firstFailures()).allSatisfy(f -> assertThat(f).hasMessageContaining("UNAVAILABLE"));
      for (int rpc = 0; rpc < 2; rpc++) {
        assertThat(first[rpc]).as("calls of RPC %d in the first minute", rpc).isBetween(1L, 10L);
        assertThat(second[rpc]).as("calls of RPC %d in the second minute", rpc).isLessThanOrEqualTo(2L);
      }
    }
  }

  /** Calls of GetConnectionInfo and GenerateClientCertificate in {@code calls}. */
  private static long[] perRpc(List<AdminCall> calls) {
    return new long[] {count(calls, AdminRpc.GET_CONNECTION_INFO), count(calls, AdminRpc.GENERATE_CLIENT_CERTIFICATE)};
  }

  private static long count(List<AdminCall> calls, AdminRpc rpc) {
    return calls.stream().filter(c -> c.rpc() == rpc).count();
  }
}
