package dev.alloydb.jakarta.connector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alloydb.jakarta.connector.internal.EmulatorSupport;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AsyncConnectorTest {
  @BeforeEach
  @AfterEach
  void reset() {
    EmulatorSupport.resetEmulator();
  }

  @Test
  void aSlowAdminApiHoldsNoCallerThread() throws Exception {
    EmulatorSupport.emulator().faults().adminLatency(Duration.ofSeconds(2));
    // generous budgets: what is tested is that no caller thread waits, not how fast ten handshakes are
    ConnectorConfig config = EmulatorSupport.config().handshakeTimeout(Duration.ofSeconds(60))
        .refreshTimeout(Duration.ofSeconds(60)).build();
    try (AsyncConnector connector = AsyncConnector.create(config)) {
      List<CompletableFuture<Connection>> pending = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        pending.add(connector.connect(EmulatorSupport.instanceUri(), EmulatorSupport.passwordLogin())
            .toCompletableFuture());
      }
      assertThat(pending).as("connect returned before the Admin API answered").noneMatch(CompletableFuture::isDone);
      for (CompletableFuture<Connection> stage : pending) {
        try (Connection c = stage.get(60, TimeUnit.SECONDS)) {
          assertThat(c.isValid(5)).isTrue();
        }
      }
    }
  }

  @Test
  void failuresCompleteTheStageWithATypedSqlException() throws Exception {
    try (AsyncConnector connector = AsyncConnector.create(EmulatorSupport.config().build())) {
      CompletableFuture<Connection> bad = connector.connect("not-a-uri", EmulatorSupport.passwordLogin())
          .toCompletableFuture();
      assertThat(bad).isCompletedExceptionally();
      EmulatorSupport.emulator().faults().proxyExchangeError("no entry");
      CompletableFuture<Connection> refused = connector.connect(EmulatorSupport.instanceUri(),
          EmulatorSupport.passwordLogin()).toCompletableFuture();
      assertThat(refused).failsWithin(60, TimeUnit.SECONDS).withThrowableOfType(ExecutionException.class)
          .havingCause().isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28000"))
          .withCauseInstanceOf(MetadataExchangeException.class);
    }
  }
}
