package dev.alloydb.jakarta.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alloydb.jakarta.connector.Connector;
import dev.alloydb.jakarta.connector.internal.EmulatorSupport;
import dev.alloydb.jakarta.emulator.AdminRpc;
import dev.alloydb.jakarta.emulator.AlloyDbEmulator;
import dev.alloydb.jakarta.testkit.load.Load;
import java.sql.Connection;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The instances' CA rotates while 8 threads keep opening connections: the first handshakes against the new server
 * certificate fail, which forces a refresh; no caller may see a failure, and one refresh must be enough.
 */
@ExtendWith(SuiteLogs.class)
class CaRotationUnderLoadTest {
  private final AlloyDbEmulator emulator = SuiteConfig.emulator();

  @AfterEach
  void reset() {
    EmulatorSupport.resetEmulator();
  }

  @Test
  void callersSeeNoFailureWhenTheCaRotates() throws Exception {
    EmulatorSupport.resetEmulator();
    try (Connector connector = Connector.create(SuiteConfig.config().build());
        Load load = Load.start(8, () -> {
          try (Connection c = connector.connect(SuiteConfig.instanceUri(), EmulatorSupport.passwordLogin())) {
            SuiteConfig.use(c);
          }
        })) {
      load.awaitMoreOperations(50, Duration.ofMinutes(1));
      long certificates = emulator.counters().adminCalls(AdminRpc.GENERATE_CLIENT_CERTIFICATE);
      emulator.faults().rotateCa();
      load.awaitMoreOperations(300, Duration.ofMinutes(2));
      load.stop(Duration.ofMinutes(1));
      long refreshes = emulator.counters().adminCalls(AdminRpc.GENERATE_CLIENT_CERTIFICATE) - certificates;
      System.out.printf("CA rotation: %d operations, %d failures, %d refreshes after the rotation%n",
          load.operations(), load.failures(), refreshes);
      assertThat(load.failures()).as("failed operations; first: %s", load.firstFailures()).isZero();
      assertThat(refreshes).as("refreshes after the rotation").isBetween(1L, 2L);
    }
  }
}
