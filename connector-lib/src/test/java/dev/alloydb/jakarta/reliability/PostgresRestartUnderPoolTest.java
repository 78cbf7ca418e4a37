package dev.alloydb.jakarta.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.alloydb.jakarta.connector.ConnectorRegistry;
import dev.alloydb.jakarta.connector.internal.EmulatorSupport;
import dev.alloydb.jakarta.emulator.AlloyDbEmulator;
import dev.alloydb.jakarta.testkit.load.Load;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PostgreSQL restarts under a busy HikariCP pool running over the connector's socket factory: a real restart of the
 * emulator's PostgreSQL (fast shutdown, so every session ends with FATAL 57P01 admin_shutdown and a closed socket;
 * connects fail while it is down; then a new postmaster). Once it is back, the pool must have evicted every broken
 * connection and serve only new, working ones, with no failure after recovery.
 */
@ExtendWith(SuiteLogs.class)
class PostgresRestartUnderPoolTest {
  private static final int POOL_SIZE = 8;
  private static final int THREADS = 12;

  private final AlloyDbEmulator emulator = SuiteConfig.emulator();

  @AfterEach
  void reset() {
    EmulatorSupport.resetEmulator();
    ConnectorRegistry.reset();
  }

  @Test
  void poolEvictsBrokenConnectionsAndRecoversAfterARestart() throws Exception {
    EmulatorSupport.resetEmulator();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:postgresql:///postgres");
    config.setDataSourceProperties(SuiteConfig.socketFactoryProperties());
    config.setMaximumPoolSize(POOL_SIZE);
    config.setMinimumIdle(POOL_SIZE);
    config.setConnectionTimeout(10_000);
    config.setPoolName("reliability-restart");
    Set<Integer> pids = ConcurrentHashMap.newKeySet();
    AtomicReference<Set<Integer>> phase = new AtomicReference<>(pids);
    try (HikariDataSource pool = new HikariDataSource(config);
        Load load = Load.start(THREADS, () -> {
          try (Connection c = pool.getConnection()) {
            phase.get().add(SuiteConfig.use(c));
          }
        })) {
      load.awaitMoreOperations(200, Duration.ofMinutes(1));
      assertThat(load.failures()).as("failures before the restart: %s", load.firstFailures()).isZero();
      awaitFullPool(pool);
      Set<Integer> before = Set.copyOf(pids);

      Timestamp startedBefore = postmasterStartTime();
      emulator.restartDatabase();
      long failedDuringRestart = awaitRecovery(load);
      Timestamp startedAfter = postmasterStartTime();

      Set<Integer> after = ConcurrentHashMap.newKeySet();
      phase.set(after);
      long failuresAtRecovery = load.failures();
      load.awaitMoreOperations(500, Duration.ofMinutes(1));
      load.stop(Duration.ofMinutes(1));

      System.out.printf("postgres restart: server started %s, restarted %s; %d failed operations while it"
          + " restarted, %d operations in total, %d failures after recovery, server processes before %d, after %d%n",
          startedBefore, startedAfter, failedDuringRestart, load.operations(), load.failures() - failuresAtRecovery,
          before.size(), after.size());
      assertThat(startedAfter).as("start time of the server after the restart").isAfter(startedBefore);
      assertThat(load.failures() - failuresAtRecovery).as("failures after recovery").isZero();
      assertThat(after).as("only new server processes after the restart").doesNotContainAnyElementsOf(before)
          .hasSizeLessThanOrEqualTo(POOL_SIZE);
      assertThat(pool.getHikariPoolMXBean().getTotalConnections()).isLessThanOrEqualTo(POOL_SIZE);
    }
  }

  private static void awaitFullPool(HikariDataSource pool) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (pool.getHikariPoolMXBean().getTotalConnections() < POOL_SIZE && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }

  private Timestamp postmasterStartTime() throws SQLException {
    try (Connection direct = DriverManager.getConnection(emulator.directJdbcUrl(), emulator.passwordUser(),
        emulator.password()); Statement s = direct.createStatement();
        ResultSet rs = s.executeQuery("select pg_postmaster_start_time()")) {
      rs.next();
      return rs.getTimestamp(1);
    }
  }

  /** Waits until 50 operations in a row succeed; returns the failures counted until then. */
  private static long awaitRecovery(Load load) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (System.nanoTime() < deadline) {
      long failures = load.failures();
      load.awaitMoreOperations(50, Duration.ofMinutes(1));
      if (load.failures() == failures) {
        return failures;
      }
    }
    throw new AssertionError("the pool did not recover: " + new HashSet<>(load.firstFailures()));
  }
}
