package dev.alloydb.jakarta.ra.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alloydb.jakarta.connector.Connector;
import dev.alloydb.jakarta.connector.ConnectorConfig;
import dev.alloydb.jakarta.emulator.AdminRpc;
import dev.alloydb.jakarta.emulator.AlloyDbEmulator;
import dev.alloydb.jakarta.ra.reliability.soak.SoakServlet;
import dev.alloydb.jakarta.testkit.leaks.HeapHistogram;
import dev.alloydb.jakarta.testkit.leaks.Leaks;
import dev.alloydb.jakarta.testkit.load.Load;
import dev.alloydb.jakarta.testkit.payara.PoolCommand;
import dev.alloydb.jakarta.testkit.payara.PoolCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The soak: for {@value #DURATION_PROPERTY} (default 5 minutes), 16 threads open, use and close connections through
 * the resource adapter's pool on Payara Micro while 16 threads of this JVM do the same through the connector
 * directly. The emulator re-issues client certificates all along (every refresh gets a new one; with the default
 * lifetime of 4.5 minutes the connectors refresh every 30 s) and rotates its CA once, halfway. Zero failed
 * operations are allowed, and threads, open descriptors and heap after a full GC must not grow, on either side.
 *
 * <p>Runs only under {@code -Psoak} (the class name does not match the failsafe defaults).
 */
@ExtendWith(ArquillianExtension.class)
class ResourceAdapterSoak {
  static final String DURATION_PROPERTY = "alloydb.reliability.soak-duration";
  static final String LIFETIME_PROPERTY = "alloydb.reliability.soak-cert-lifetime";
  private static final int THREADS = 16;
  private static final long HEAP_TOLERANCE = 16L << 20;
  private static final int PROXY_PORT = AlloyDbEmulator.ALLOYDB_PROXY_PORT;

  @ArquillianResource
  private URL base;

  @Deployment
  static WebArchive deployment() {
    return ShrinkWrap.create(WebArchive.class, "soak.war").addPackage(SoakServlet.class.getPackage())
        .addClasses(Load.class, Load.Operation.class, PoolCommands.class, PoolCommand.class, HeapHistogram.class);
  }

  @Test
  @RunAsClient
  void sixteenThreadsThroughThePoolAndTheConnectorWithRotationFailNothingAndLeakNothing() throws Exception {
    Duration duration = Duration.parse(System.getProperty(DURATION_PROPERTY, "PT5M"));
    Duration lifetime = Duration.parse(System.getProperty(LIFETIME_PROPERTY, "PT4M30S"));
    AlloyDbEmulator emulator = AlloyDbEmulator.shared();
    emulator.faults().clientCertificateLifetime(lifetime);
    // The emulator keeps a record of every call and connection, in this JVM: count from none.
    emulator.counters().reset();

    Properties payaraBefore = post("start?threads=" + THREADS);
    ConnectorConfig config = ConnectorConfig.builder().adminServiceEndpoint(emulator.adminApiRestEndpoint())
        .credentialsFile(emulator.credentialsFile()).build();
    try (Connector connector = Connector.create(config)) {
      String instance = emulator.instance().uri();
      Load.Operation use = () -> {
        try (Connection connection = connector.connect(instance, emulator.passwordLogin())) {
          SoakServlet.query(connection);
        }
      };
      for (int i = 0; i < THREADS; i++) {
        use.run();
      }
      Snapshot jvmBefore = Snapshot.take();
      long proxySocketsBefore = Leaks.clientSocketsTo(PROXY_PORT);
      Map<String, Long> histogramBefore = HeapHistogram.take();
      Load direct = Load.start(THREADS, use);
      Thread.sleep(duration.dividedBy(2).toMillis());
      emulator.faults().rotateCa();
      long rotatedAt = direct.operations();
      Thread.sleep(duration.dividedBy(2).toMillis());
      direct.stop(Duration.ofMinutes(2));
      Properties payara = post("stop");
      long certificates = emulator.counters().adminCalls(AdminRpc.GENERATE_CLIENT_CERTIFICATE);
      long proxyConnections = emulator.counters().proxyConnections().size();
      // Those records (one per TLS connection, tens of thousands) are the emulator's, not the connector's.
      emulator.counters().reset();
      Snapshot jvmAfter = Snapshot.take();
      List<String> jvmGrowth = HeapHistogram.growth(histogramBefore, HeapHistogram.take(), 8);

      String report = String.format("soak: %s, certificate lifetime %s, %d certificates issued, CA rotated once"
              + " (after %d direct operations), %d TLS connections to the instance%n"
              + "  resource adapter on Payara: %s operations, %s failures; threads %s -> %s, sockets %s -> %s,"
              + " heap after GC %s -> %s MiB; first failures: %s%n"
              + "    heap growth by class (bytes): %s%n"
              + "  connector direct: %d operations, %d failures; client threads %d -> %d, sockets %d -> %d,"
              + " heap after GC %d -> %d MiB; first failures: %s%n"
              + "    heap growth by class (bytes): %s%n",
          duration, lifetime, certificates, rotatedAt, proxyConnections,
          payara.get("operations"), payara.get("failures"), payara.get("before.threads"),
          payara.get("after.threads"), payara.get("before.fds"), payara.get("after.fds"),
          mib(payara.getProperty("before.heap")), mib(payara.getProperty("after.heap")),
          payara.get("firstFailures"), payara.get("heapGrowth"),
          direct.operations(), direct.failures(), jvmBefore.threads, jvmAfter.threads, jvmBefore.fds, jvmAfter.fds,
          jvmBefore.heap >> 20, jvmAfter.heap >> 20, direct.firstFailures(), jvmGrowth);
      System.out.print(report);
      Path results = Path.of("target/reliability");
      Files.createDirectories(results);
      Files.writeString(results.resolve("soak.txt"), report);

      assertThat(Long.parseLong(payara.getProperty("operations"))).isPositive();
      assertThat(direct.operations()).isPositive();
      assertThat(certificates).as("certificates issued during the soak").isGreaterThanOrEqualTo(4);
      assertThat(Long.parseLong(payara.getProperty("failures"))).as("failed operations through the adapter: %s",
          payara.get("firstFailures")).isZero();
      assertThat(direct.failures()).as("failed operations through the connector: %s", direct.firstFailures())
          .isZero();
      assertThat(intOf(payara, "after.threads")).as("Payara threads")
          .isLessThanOrEqualTo(intOf(payara, "before.threads") + 4);
      // The pool may keep up to THREADS physical connections open; a leak would grow with the thousands of
      // physical connections the pool opens and closes (it replaces each after 25 uses).
      assertThat(intOf(payara, "after.fds")).as("Payara sockets (%d proxy connections made)", proxyConnections)
          .isLessThanOrEqualTo(intOf(payara, "before.fds") + THREADS + 4);
      // Heap after a full GC moves by a few MiB from one measurement to the next; a leak per operation or per
      // physical connection would be tens of MiB over hundreds of thousands of them.
      assertThat(intOf(payara, "after.heap")).as("Payara heap after GC; growth by class %s", payara.get("heapGrowth"))
          .isLessThan(intOf(payara, "before.heap") + HEAP_TOLERANCE);
      assertThat(jvmAfter.threads).as("client threads").isLessThanOrEqualTo(jvmBefore.threads + 2);
      // This JVM's socket total also holds the emulator's ends of Payara's pooled connections, which come and go
      // with Payara's pool; the connector's own are its client sockets to the instance's proxy.
      assertThat(Leaks.clientSocketsTo(PROXY_PORT)).as("the direct connector's sockets to the proxy (%d before)",
          proxySocketsBefore).isLessThanOrEqualTo(proxySocketsBefore);
      assertThat(jvmAfter.heap).as("heap after GC; growth by class %s", jvmGrowth)
          .isLessThan(jvmBefore.heap + HEAP_TOLERANCE);
    }
  }

  private static long intOf(Properties p, String key) {
    return Long.parseLong(p.getProperty(key));
  }

  private static long mib(String bytes) {
    return Long.parseLong(bytes) >> 20;
  }

  private Properties post(String path) throws IOException {
    String root = base.toString().endsWith("/") ? base.toString() : base + "/";
    HttpURLConnection connection = (HttpURLConnection) new URL(root + "run/" + path).openConnection();
    connection.setRequestMethod("POST");
    connection.setConnectTimeout(30_000);
    connection.setReadTimeout(600_000);
    int code = connection.getResponseCode();
    try (InputStream in = code == 200 ? connection.getInputStream() : connection.getErrorStream()) {
      String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(code).as(body).isEqualTo(200);
      Properties p = new Properties();
      p.load(new StringReader(body));
      return p;
    } finally {
      connection.disconnect();
    }
  }

  /** Leak figures of this JVM; the emulator's own threads are left out (they are the server side). */
  private record Snapshot(long threads, long fds, long heap) {
    static Snapshot take() throws IOException, InterruptedException {
      for (int i = 0; i < 3; i++) {
        System.gc();
        Thread.sleep(100);
      }
      Set<String> names = Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
          .filter(n -> !n.startsWith("alloydb-emulator-") && !n.startsWith("grpc-") && !n.startsWith("Keep-Alive"))
          .collect(Collectors.toSet());
      return new Snapshot(names.size(), SoakServlet.sockets(),
          ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
  }
}
