package dev.alloydb.jakarta.ra.work;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alloydb.jakarta.connector.Connector;
import dev.alloydb.jakarta.connector.ConnectorConfig;
import dev.alloydb.jakarta.connector.ConnectorException;
import dev.alloydb.jakarta.emulator.AlloyDbEmulator;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A container that rejects one Work, whichever it is and however it says so, costs the connector at most one failed
 * connect: nothing stays stuck, the next connects work.
 */
class RejectedWorkTest {
  private static final int CONNECTS = 4;
  private static final AlloyDbEmulator EMULATOR = AlloyDbEmulator.shared();

  private static ConnectorConfig config(WorkManagerScheduler scheduler) {
    return ConnectorConfig.builder().adminServiceEndpoint(EMULATOR.adminApiRestEndpoint())
        .credentialsFile(EMULATOR.credentialsFile()).scheduler(scheduler).refreshTimeout(Duration.ofSeconds(5))
        .build();
  }

  static Stream<Arguments> rejections() {
    return IntStream.rangeClosed(1, 14).boxed().flatMap(n -> Stream.of(
        Arguments.of(n, RejectingWorkManager.Mode.AT_ONCE), Arguments.of(n, RejectingWorkManager.Mode.LATER)));
  }

  @ParameterizedTest(name = "Work {0} rejected {1}")
  @MethodSource("rejections")
  void oneRejectedWorkCostsAtMostOneFailedConnect(int nth, RejectingWorkManager.Mode mode) throws Exception {
    int failures = 0;
    try (RejectingWorkManager workManager = new RejectingWorkManager(nth, mode)) {
      WorkManagerScheduler scheduler = new WorkManagerScheduler(workManager, false);
      try {
        Connector connector;
        try {
          connector = Connector.create(config(scheduler));
        } catch (ConnectorException e) {
          failures++;
          connector = Connector.create(config(scheduler));
        }
        try (Connector open = connector) {
          for (int i = 0; i < CONNECTS; i++) {
            try (Connection c = open.connect(EMULATOR.instance().uri(), EMULATOR.passwordLogin())) {
              assertThat(c.isValid(5)).isTrue();
            } catch (SQLException e) {
              failures++;
            }
          }
        }
      } finally {
        scheduler.stop(Duration.ofSeconds(10));
      }
    }
    assertThat(failures).as("failed connector starts and connects").isLessThanOrEqualTo(1);
  }
}
