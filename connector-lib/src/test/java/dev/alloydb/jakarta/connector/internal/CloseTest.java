package dev.alloydb.jakarta.connector.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alloydb.jakarta.connector.AsyncConnector;
import dev.alloydb.jakarta.connector.Connector;
import dev.alloydb.jakarta.connector.ConnectorClosedException;
import dev.alloydb.jakarta.connector.ConnectorRegistry;
import dev.alloydb.jakarta.connector.RefreshStrategy;
import dev.alloydb.jakarta.connector.SocketFactory;
import dev.alloydb.jakarta.testkit.leaks.Leaks;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every thread the connector uses is the scheduler's; close() ends them all and spares open connections. */
class CloseTest {
  @BeforeEach
  void reset() {
    EmulatorSupport.resetEmulator();
    EmulatorSupport.emulator();
  }

  private static List<String> foreignThreads(Set<Thread> before) {
    return Leaks.threads().stream().filter(t -> !before.contains(t)).map(Thread::getName)
        .filter(n -> !n.startsWith("alloydb-emulator-") && !n.startsWith("Keep-Alive-")
            && !n.startsWith("PostgreSQL-JDBC-") && !n.startsWith(DaemonScheduler.THREAD_PREFIX))
        .collect(Collectors.toList());
  }

  @ParameterizedTest
  @EnumSource(RefreshStrategy.class)
  void connectorThreadsAreTheSchedulersAndCloseEndsThem(RefreshStrategy strategy) throws Exception {
    Set<Thread> before = Leaks.threads();
    Connector connector = Connector.create(EmulatorSupport.config().refreshStrategy(strategy).build());
    AsyncConnector async = AsyncConnector.create(EmulatorSupport.config().refreshStrategy(strategy).build());
    Connection sync = connector.connect(EmulatorSupport.instanceUri(), EmulatorSupport.passwordLogin());
    Connection viaAsync = async.connect(EmulatorSupport.instanceUri(), EmulatorSupport.iamLogin())
        .toCompletableFuture().get(60, TimeUnit.SECONDS);
    assertThat(Leaks.threads()).filteredOn(t -> !before.contains(t))
        .extracting(Thread::getName).anyMatch(n -> n.startsWith(DaemonScheduler.THREAD_PREFIX));
    assertThat(foreignThreads(before)).as("threads not created by the connector's scheduler").isEmpty();
    assertThat(Leaks.threads()).filteredOn(t -> t.getName().startsWith(DaemonScheduler.THREAD_PREFIX))
        .allMatch(Thread::isDaemon);

    connector.close();
    async.close();
    connector.close();

    assertThat(Leaks.newThreads(before)).as("threads left after close").isEmpty();
    assertThat(select1(sync)).as("open connections survive close").isEqualTo(1);
    assertThat(select1(viaAsync)).isEqualTo(1);
    sync.close();
    viaAsync.close();
    assertThat(Leaks.clientSocketsTo(5433)).isZero();
  }

  @Test
  void closedConnectorsRefuseWork() throws Exception {
    AsyncConnector async = AsyncConnector.create(EmulatorSupport.config().build());
    async.close();
    assertThat(async.connect(EmulatorSupport.instanceUri(), EmulatorSupport.passwordLogin()).toCompletableFuture())
        .failsWithin(10, TimeUnit.SECONDS).withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .havingCause().isInstanceOf(SQLException.class).withCauseInstanceOf(ConnectorClosedException.class);
  }

  @Test
  void registryResetClosesSocketFactoryConnectors() throws Exception {
    Set<Thread> before = Leaks.threads();
    try (Connection c = DriverManager.getConnection("jdbc:postgresql:///postgres", socketFactoryProperties())) {
      assertThat(select1(c)).isEqualTo(1);
    }
    ConnectorRegistry.reset();
    assertThat(Leaks.newThreads(before)).isEmpty();
  }

  @Test
  void registryShutdownEndsEveryThreadAndRefusesUseUntilReset() throws Exception {
    Set<Thread> before = Leaks.threads();
    Properties named = socketFactoryProperties();
    named.setProperty(SocketFactory.NAMED_CONNECTOR, "orders-db");
    try {
      ConnectorRegistry.register("orders-db", EmulatorSupport.config().build());
      try (Connection viaName = DriverManager.getConnection("jdbc:postgresql:///postgres", named);
          Connection viaProperties = DriverManager.getConnection("jdbc:postgresql:///postgres",
              socketFactoryProperties())) {
        assertThat(Leaks.threads()).extracting(Thread::getName)
            .anyMatch(n -> n.startsWith(DaemonScheduler.THREAD_PREFIX));

        ConnectorRegistry.shutdown();

        assertThat(Leaks.newThreads(before)).as("threads left after shutdown").isEmpty();
        assertThat(select1(viaName)).as("open connections survive shutdown").isEqualTo(1);
        assertThat(select1(viaProperties)).isEqualTo(1);
      }
      String refused = "The ConnectorRegistry was shut down: the JDBC socket factory and named connectors are"
          + " unavailable (ConnectorRegistry.reset() makes them available again)";
      assertThatThrownBy(() -> ConnectorRegistry.register("other", EmulatorSupport.config().build()))
          .isInstanceOf(ConnectorClosedException.class).hasMessage(refused);
      assertThatThrownBy(() -> ConnectorRegistry.close("orders-db"))
          .isInstanceOf(ConnectorClosedException.class).hasMessage(refused);
      assertThatThrownBy(() -> DriverManager.getConnection("jdbc:postgresql:///postgres", socketFactoryProperties()))
          .isInstanceOf(SQLException.class).hasRootCauseInstanceOf(ConnectorClosedException.class)
          .hasRootCauseMessage(refused);
      assertThat(Leaks.newThreads(before)).as("a refused connect starts no connector").isEmpty();
    } finally {
      ConnectorRegistry.reset();
    }
    try (Connection c = DriverManager.getConnection("jdbc:postgresql:///postgres", socketFactoryProperties())) {
      assertThat(select1(c)).as("usable again after reset()").isEqualTo(1);
    }
    ConnectorRegistry.reset();
    assertThat(Leaks.newThreads(before)).isEmpty();
  }

  private static Properties socketFactoryProperties() {
    Properties p = EmulatorSupport.socketFactoryProperties(EmulatorSupport.emulator());
    p.putAll(EmulatorSupport.passwordLogin());
    return p;
  }

  @Test
  void callerOwnedSchedulerIsNotShutDown() throws Exception {
    RefreshTest.CountingScheduler scheduler = new RefreshTest.CountingScheduler();
    try {
      try (Connector connector = Connector.create(EmulatorSupport.config().scheduler(scheduler).build());
          Connection c = connector.connect(EmulatorSupport.instanceUri(), EmulatorSupport.passwordLogin())) {
        assertThat(select1(c)).isEqualTo(1);
      }
      java.util.concurrent.CompletableFuture<String> ran = new java.util.concurrent.CompletableFuture<>();
      scheduler.execute(() -> ran.complete(Thread.currentThread().getName()));
      assertThat(ran.get(10, TimeUnit.SECONDS)).startsWith(DaemonScheduler.THREAD_PREFIX);
    } finally {
      scheduler.close();
    }
  }

  private static int select1(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); var rs = s.executeQuery("select 1")) {
      rs.next();
      return rs.getInt(1);
    }
  }

}
