package dev.alloydb.jakarta.ra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alloydb.jakarta.connector.Connector;
import dev.alloydb.jakarta.connector.ConnectorConfig;
import dev.alloydb.jakarta.emulator.AlloyDbEmulator;
import dev.alloydb.jakarta.testkit.jca.ExecutorWorkManager;
import dev.alloydb.jakarta.testkit.jca.TestBootstrapContext;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Lifecycle of the resource adapter bean (Connectors 2.1, 5.3): shared connectors, container threads, clean stop. */
class ResourceAdapterImplTest {

  private final AlloyDbEmulator emulator = AlloyDbEmulator.shared();
  private final ExecutorWorkManager workManager = new ExecutorWorkManager();
  private final ResourceAdapterImpl adapter = new ResourceAdapterImpl();

  @AfterEach
  void stop() {
    adapter.stop();
    workManager.close();
  }

  @Test
  void equalConfigsShareOneConnector() throws ResourceException {
    adapter.start(new TestBootstrapContext(workManager));

    Connector first = adapter.connector(config("quota-a"));
    Connector again = adapter.connector(config("quota-a"));
    Connector other = adapter.connector(config("quota-b"));

    assertThat(again).isSameAs(first);
    assertThat(other).isNotSameAs(first);
    assertThat(adapter.connectorCount()).isEqualTo(2);
  }

  @Test
  void connectorWorkRunsOnWorkManagerThreadsAndStopLeavesNothingBehind() throws Exception {
    adapter.start(new TestBootstrapContext(workManager));
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    ObjectName status = new ObjectName(AdapterStatusRegistration.OBJECT_NAME);
    assertThat(server.isRegistered(status)).isTrue();

    Connector connector = adapter.connector(config(null));
    try (Connection connection = connector.connect(emulator.instance().uri(), login());
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("select 1")) {
      assertThat(result.next()).isTrue();
    }

    assertThat((Long) server.getAttribute(status, "TasksRun")).isPositive();
    assertThat((String[]) server.getAttribute(status, "WorkThreadNames"))
        .isNotEmpty()
        .allSatisfy(name -> assertThat(name).startsWith(ExecutorWorkManager.THREAD_PREFIX));
    assertThat(threadsNamed("alloydb-connector-")).isZero();

    adapter.stop();

    assertThat(server.isRegistered(status)).isFalse();
    assertThat(threadsRunning("dev.alloydb.jakarta.ra.")).isZero();
    assertThat(threadsRunning("dev.alloydb.jakarta.connector.")).isZero();
    assertThatThrownBy(() -> adapter.connector(config(null)))
        .isInstanceOf(jakarta.resource.spi.IllegalStateException.class).hasMessageContaining("not started");
    workManager.close();
    assertThat(workManager.awaitTermination(30)).isTrue();
  }

  /**
   * Open Liberty does not run a Work that an application still starting submits, and applications open their first
   * connections while they start: an application thread must never be the one that calls the WorkManager.
   */
  @Test
  void aConnectFromAnApplicationThreadCallsTheWorkManagerOnlyFromContainerThreads() throws Exception {
    adapter.start(new TestBootstrapContext(workManager));
    String container = Thread.currentThread().getName();
    Connector connector = adapter.connector(config(null));
    CompletableFuture<Boolean> connected = new CompletableFuture<>();
    Thread application = new Thread(() -> {
      try (Connection connection = connector.connect(emulator.instance().uri(), login())) {
        connected.complete(connection.isValid(5));
      } catch (Exception | AssertionError e) {
        connected.completeExceptionally(e);
      }
    }, "application-thread");

    application.start();

    assertThat(connected.get(60, TimeUnit.SECONDS)).isTrue();
    List<ExecutorWorkManager.Submission> submissions = workManager.submissions();
    assertThat(submissions.get(0).thread()).as("ResourceAdapter.start() submits the delay-queue Work")
        .isEqualTo(container);
    assertThat(submissions).as("the refresh and the connect ran as Works").hasSizeGreaterThan(2);
    assertThat(submissions.subList(1, submissions.size())).extracting(ExecutorWorkManager.Submission::thread)
        .allSatisfy(thread -> assertThat(thread).startsWith(ExecutorWorkManager.THREAD_PREFIX));
  }

  @Test
  void stopBeforeStartAndTwiceIsHarmless() throws ResourceException {
    adapter.stop();
    adapter.start(new TestBootstrapContext(workManager));
    adapter.stop();
    adapter.stop();
    assertThatThrownBy(adapter::scheduler).isInstanceOf(jakarta.resource.spi.IllegalStateException.class);
  }

  @Test
  void adaptersWithoutConfigPropertiesAreEqualAndOutboundOnly() {
    assertThat(adapter).isEqualTo(new ResourceAdapterImpl()).hasSameHashCodeAs(new ResourceAdapterImpl());
    assertThatThrownBy(() -> adapter.endpointActivation(null, null)).isInstanceOf(NotSupportedException.class);
    assertThat(adapter.getXAResources(null)).isNull();
  }

  private ConnectorConfig config(String quotaProject) throws ResourceException {
    ConnectorConfig.Builder builder = ConnectorConfig.builder()
        .adminServiceEndpoint(emulator.adminApiRestEndpoint())
        .credentialsFile(Path.of(emulator.credentialsFile().toString()));
    if (quotaProject != null) {
      builder.quotaProject(quotaProject);
    }
    return builder.build();
  }

  private Properties login() {
    Properties info = new Properties();
    info.setProperty("user", emulator.passwordUser());
    info.setProperty("password", emulator.password());
    return info;
  }

  private static long threadsNamed(String prefix) {
    return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix)).count();
  }

  private static long threadsRunning(String classPrefix) {
    Thread self = Thread.currentThread();
    return Thread.getAllStackTraces().entrySet().stream()
        .filter(entry -> entry.getKey() != self)
        .filter(entry -> Arrays.stream(entry.getValue()).anyMatch(f -> f.getClassName().startsWith(classPrefix)))
        .count();
  }
}
