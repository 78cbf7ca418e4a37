package dev.alloydb.jakarta.benchmark;

import dev.alloydb.jakarta.testkit.throughput.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Entry point of the benchmark (not a test): {@code ./mvnw -B -Pbenchmark -pl src/benchmarks -am verify -DskipTests}.
 * Runs every section against one emulator, prints each figure as it is measured, and writes
 * {@code src/docs/benchmarks/results.{json,csv,md,svg}} after each section, so a run that is cut short still leaves
 * what it measured.
 */
public final class BenchmarkMain {
  // The figures are this program's report and go to standard output; a failed section's stack trace is a diagnostic
  private static final System.Logger LOG = System.getLogger(BenchmarkMain.class.getName());

  /** Long enough for either connector to have generated its RSA key before the first connection is asked for. */
  private static final Duration KEY_HEAD_START = Duration.ofSeconds(1);

  private final Settings settings;
  private final Results results;
  private final ResultsWriter writer;
  private final Path workDir;

  private BenchmarkMain(Settings settings, Path workDir, Path resultsDir) {
    this.settings = settings;
    this.results = new Results(MachineInfo.current(), settings);
    this.writer = new ResultsWriter(resultsDir);
    this.workDir = workDir;
  }

  public static void main(String[] args) throws Exception {
    Logger.getLogger("").setLevel(Level.WARNING);
    // The emulator's REST Admin API and token endpoint run on the JDK's HttpServer, which leaves Nagle's algorithm on
    // unless told otherwise: its responses then stall ~40 ms on delayed ACKs over loopback, a cost no real Google
    // front end has. It hit our REST client and every per-connection token fetch of Google's connector. Must be set
    // before the HttpServer classes load.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    Path workDir = Path.of(System.getProperty("benchmark.dir", "target/benchmark")).toAbsolutePath();
    Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
    Path resultsDir = Path.of(System.getProperty("benchmark.results", "src/docs/benchmarks")).toAbsolutePath();
    BenchmarkMain main = new BenchmarkMain(Settings.fromSystemProperties(), workDir, resultsDir);
    long start = System.nanoTime();
    main.run();
    System.out.printf("Benchmark finished in %.0f s; results in %s%n", (System.nanoTime() - start) / 1e9, resultsDir);
    // Exit explicitly: Google's connector keeps non-daemon threads. A section that failed fails the build, so an
    // incomplete run is not mistaken for a complete one (its figures are written all the same).
    System.exit(main.results.skipped().isEmpty() ? 0 : 1);
  }

  private void run() throws Exception {
    System.out.println("Machine: " + results.machine().oneLine());
    System.out.println("Settings: " + settings);
    try (Fixture fixture = Fixture.start()) {
      try (Connection c = DriverManager.getConnection(fixture.endpoints().directJdbcUrl(), fixture.endpoints().login())) {
        Workload.createSchema(c);
      }
      section("1", () -> newConnectionLatency(fixture));
      section("2", () -> coldStart(fixture));
      section("2f", () -> freshJvm(fixture));
      section("3", () -> herd(fixture));
      section("4", () -> pooledThroughput(fixture));
      section("5", () -> footprintInProcess(fixture));
      section("4p", () -> payara(fixture));
    }
    results.note(String.format(java.util.Locale.ROOT, "the harness ran for %.0f s (emulator start included)",
        java.time.Duration.between(results.started(), java.time.Instant.now()).toMillis() / 1000.0));
    compare();
    writer.write(results);
  }

  private interface SectionBody {
    void run() throws Exception;
  }

  private void section(String id, SectionBody body) throws IOException {
    if (!settings.runs(id)) {
      return;
    }
    System.out.println("== Section " + id);
    long start = System.nanoTime();
    try {
      body.run();
    } catch (Exception e) {
      LOG.log(System.Logger.Level.ERROR, "Section " + id + " failed; it is reported as skipped", e);
      results.skip("section " + id, "failed: " + e);
    }
    System.out.printf("   (section %s took %.1f s)%n", id, (System.nanoTime() - start) / 1e9);
    compare();
    writer.write(results);
  }

  private void newConnectionLatency(Fixture fixture) throws Exception {
    List<Client> clients = List.of(fixture.endpoints().oursSocketFactory(), fixture.endpoints().googleSocketFactory(), fixture.endpoints().pgjdbcTls(),
        fixture.endpoints().pgjdbcPlain(), fixture.endpoints().oursSocketFactoryNoMetrics());
    NewConnectionLatency.Run run = new NewConnectionLatency(settings).run(clients);
    results.add("warm.jit", "1", "JIT compilation during the measured trials (all clients)", run.compilationMillis(),
        "ms");
    run.latencies().forEach((client, d) -> {
      results.add("warm." + client.id() + ".median", "1", client.label() + ": new connection, median", d.medianMs(),
          "ms");
      results.add("warm." + client.id() + ".p99", "1", client.label() + ": new connection, p99", d.p99Ms(), "ms");
    });
    for (Client client : clients.subList(0, 2)) {
      int n = settings.connectionsPerTrial();
      long tokensBefore = fixture.tokensIssued();
      AdminCalls callsBefore = fixture.adminCalls();
      for (int i = 0; i < n; i++) {
        NewConnectionLatency.openAndClose(client);
      }
      results.add("warm." + client.id() + ".tokens", "1", client.label() + ": OAuth2 tokens fetched per connection",
          (fixture.tokensIssued() - tokensBefore) / (double) n, "tokens");
      results.add("warm." + client.id() + ".adminCalls", "1",
          client.label() + ": Admin API calls per connection (warm)",
          fixture.adminCalls().minus(callsBefore).total() / (double) n, "calls");
    }
  }

  private void coldStart(Fixture fixture) throws Exception {
    fixture.adminLatency(settings.adminLatency());
    try {
      List<ColdClient> clients = coldClients(fixture);
      String latency = settings.adminLatency().toMillis() + " ms Admin API latency";
      new ColdStart().run(clients, Duration.ZERO, settings.coldStartTrials()).forEach((client, d) -> {
        results.add("cold." + client.id() + ".median", "2", client.label() + ": cold start to first connection, "
            + latency + ", median", d.medianMs(), "ms");
        results.add("cold." + client.id() + ".max", "2", client.label() + ": cold start, slowest of "
            + d.count() + " trials", d.maxMs(), "ms");
      });
      new ColdStart().run(clients, KEY_HEAD_START, settings.coldStartTrials() / 2 + 1).forEach((client, d) ->
          results.add("cold." + client.id() + ".keyReady.median", "2", client.label()
              + ": first connection " + KEY_HEAD_START.toMillis() + " ms after creating the connector (key pair ready, "
              + "nothing fetched yet), " + latency + ", median", d.medianMs(), "ms"));
    } finally {
      fixture.adminLatency(Duration.ZERO);
    }
  }

  private void freshJvm(Fixture fixture) throws Exception {
    fixture.adminLatency(settings.adminLatency());
    try {
      List<UrlClient> clients = List.of(fixture.endpoints().oursSocketFactory(),
          fixture.endpoints().googleSocketFactory());
      String latency = settings.adminLatency().toMillis() + " ms Admin API latency";
      new FreshJvmStart(fixture, workDir.resolve("fresh-jvm")).run(clients, settings.freshJvmTrials())
          .forEach((client, trials) -> {
            Distribution d = Distribution.ofNanos(trials.stream().mapToLong(t -> Math.round(t.total() * 1e6))
                .toArray());
            String who = client.label() + ": new JVM to first connection, " + latency;
            results.add("fresh." + client.id() + ".median", "2f", who + ", median", d.medianMs(), "ms");
            results.add("fresh." + client.id() + ".max", "2f", who + ", slowest of " + d.count(), d.maxMs(), "ms");
            trials.get(0).phases().keySet().forEach(phase -> {
              double[] values = trials.stream().mapToDouble(t -> t.phases().getOrDefault(phase, Double.NaN))
                  .filter(v -> !Double.isNaN(v)).toArray();
              if (values.length > 0) {
                boolean count = phase.equals("classesLoaded");
                results.add("fresh." + client.id() + "." + phase, "2f", client.label() + ": new JVM, "
                    + FreshJvmStart.describe(phase) + " (median)", Distribution.median(values), count ? "classes"
                    : "ms");
              }
            });
          });
    } finally {
      fixture.adminLatency(Duration.ZERO);
    }
  }

  private void herd(Fixture fixture) throws Exception {
    fixture.adminLatency(settings.adminLatency());
    try {
      ThunderingHerd herd = new ThunderingHerd(settings, fixture::adminCalls);
      for (ColdClient client : coldClients(fixture)) {
        List<long[]> latencies = new ArrayList<>();
        long maxCalls = 0;
        long maxInfo = 0;
        long maxCert = 0;
        int failures = 0;
        for (int t = 0; t < settings.herdTrials(); t++) {
          ThunderingHerd.Outcome outcome = herd.runOnce(client);
          if (outcome.latencies().length > 0) {
            latencies.add(outcome.latencies());
          }
          maxCalls = Math.max(maxCalls, outcome.adminCalls().total());
          maxInfo = Math.max(maxInfo, outcome.adminCalls().connectionInfo());
          maxCert = Math.max(maxCert, outcome.adminCalls().clientCertificate());
          failures += outcome.failures();
          if (outcome.failures() > 0) {
            results.note(client.label() + " herd trial " + t + ": " + outcome.failures() + " of "
                + settings.herdThreads() + " connects failed, first: " + outcome.firstFailure());
          }
        }
        String who = client.label() + ": herd of " + settings.herdThreads();
        if (!latencies.isEmpty()) {
          Distribution d = Distribution.ofTrials(latencies);
          results.add("herd." + client.id() + ".p50", "3", who + ", connect latency p50", d.medianMs(), "ms");
          results.add("herd." + client.id() + ".p99", "3", who + ", connect latency p99", d.p99Ms(), "ms");
        }
        results.add("herd." + client.id() + ".adminCalls", "3", who + ", Admin API calls (most in a trial)",
            maxCalls, "calls");
        results.add("herd." + client.id() + ".connectionInfoCalls", "3", who + ", GetConnectionInfo calls",
            maxInfo, "calls");
        results.add("herd." + client.id() + ".certificateCalls", "3", who + ", GenerateClientCertificate calls",
            maxCert, "calls");
        results.add("herd." + client.id() + ".failures", "3", who + ", failed connects (all trials)", failures,
            "connects");
      }
    } finally {
      fixture.adminLatency(Duration.ZERO);
    }
  }

  private void pooledThroughput(Fixture fixture) throws Exception {
    List<UrlClient> clients = List.of(fixture.endpoints().oursSocketFactory(), fixture.endpoints().googleSocketFactory(),
        fixture.endpoints().pgjdbcTls(), fixture.endpoints().oursSocketFactoryNoMetrics());
    new PooledThroughput(settings).run(clients).forEach((key, opsPerSecond) -> results.add(
        "pool." + key.client().id() + "." + key.workload(), "4",
        key.client().label() + ": HikariCP x" + settings.poolThreads() + ", " + key.workload(), opsPerSecond,
        "ops/s"));
  }

  private void footprintInProcess(Fixture fixture) throws Exception {
    HeapPerConnection heap = new HeapPerConnection(settings.heapConnections());
    try (StandaloneEmulator standalone = StandaloneEmulator.start(workDir)) {
      EmulatorEndpoints endpoints = standalone.endpoints();
      endpoints.trustJvmWide();
      for (UrlClient client : List.of(endpoints.oursSocketFactory(), endpoints.googleSocketFactory(),
          endpoints.pgjdbcTls())) {
        results.add("heap." + client.id() + ".perConnection", "5", client.label()
            + ": heap per idle pooled connection (client side)", heap.measure(client) / 1024, "KiB");
      }
    } finally {
      fixture.endpoints().trustJvmWide();
    }
    Path rar = Path.of(System.getProperty("benchmark.rar", "missing.rar"));
    if (Files.isRegularFile(rar)) {
      results.add("footprint.rar.size", "5", "alloydb-connector.rar size", Files.size(rar) / 1e6, "MB");
    } else {
      results.skip(".rar size", "no .rar at " + rar);
    }
  }

  private void payara(Fixture fixture) throws Exception {
    Path payaraJar = Path.of(System.getProperty("benchmark.payaraJar", "missing.jar"));
    Path rar = Path.of(System.getProperty("benchmark.rar", "missing.rar"));
    if (!Files.isRegularFile(payaraJar) || !Files.isRegularFile(rar)) {
      results.skip("Payara", "payara-micro.jar or the .rar is missing (" + payaraJar + ", " + rar + ")");
      return;
    }
    PayaraBenchmark payara = new PayaraBenchmark(settings, payaraJar, rar, workDir.resolve("payara"));
    Map<String, Double> boot = payara.bootTimes();
    results.add("boot.bare", "5", "Payara Micro boot, nothing deployed (median)", boot.get("bare"), "ms");
    results.add("boot.rar", "5", "Payara Micro boot, alloydb-connector.rar deployed (median)", boot.get("rar"), "ms");
    results.add("boot.rar.extra", "5", "Payara Micro boot: what deploying the .rar adds (difference of the medians)",
        boot.get("rar") - boot.get("bare"), "ms");
    results.add("boot.floor", "5", "Payara Micro boot, the .rar without the Google libraries deployed (adapter,"
        + " connector-lib and pgjdbc only; cannot connect) (median)", boot.get("floor"), "ms");
    results.add("boot.floor.extra", "5", "Payara Micro boot: what deploying the .rar without the Google libraries"
        + " adds (difference of the medians)", boot.get("floor") - boot.get("bare"), "ms");
    Map<String, Double> ops = payara.throughput(RaPool.command(fixture.endpoints(), settings.poolThreads()),
        fixture.endpoints().oursSocketFactoryUrl(), fixture.endpoints().user(), fixture.endpoints().password(), List.of());
    ops.forEach((key, value) -> {
      String server = key.substring(0, key.indexOf('.'));
      String workload = key.substring(key.indexOf('.') + 1);
      results.add("payara." + key, "4", (server.equals("ra") ? "Payara, resource adapter DataSource"
          : "Payara, native JDBC pool over this connector's SocketFactory") + " x" + settings.poolThreads() + ", "
          + workload, value, "ops/s");
    });
  }

  private static List<ColdClient> coldClients(Fixture fixture) {
    return List.of(fixture.endpoints().oursCold(), fixture.endpoints().googleCold());
  }

  /** The targets, each against a reference measured in this same run. */
  private void compare() {
    results.clearComparisons();
    results.compare("warm connect median vs Google's", "warm.ours.median", "warm.google.median", Target.atMost(0.4));
    results.compare("warm connect p99 vs Google's", "warm.ours.p99", "warm.google.p99", Target.atMost(0.4));
    results.compare("warm connect median vs pgjdbc TLS direct", "warm.ours.median", "warm.pgjdbc-tls.median",
        Target.atMost(2.0));
    results.compare("warm connect p99 vs pgjdbc TLS direct", "warm.ours.p99", "warm.pgjdbc-tls.p99",
        Target.atMost(1.3));
    results.compare("warm connect median vs pgjdbc no TLS", "warm.ours.median", "warm.pgjdbc-plain.median",
        Target.none());
    // Issue 14: metrics cost at most 2% (ratio on/off, same run)
    results.compare("warm connect median, metrics on vs off", "warm.ours.median", "warm.ours-nometrics.median",
        Target.atMost(1.02));
    results.compare("warm connect p99, metrics on vs off", "warm.ours.p99", "warm.ours-nometrics.p99",
        Target.none());
    results.compare("cold start vs Google's (50 ms Admin API)", "cold.ours.median", "cold.google.median",
        Target.atMost(0.6));
    results.compare("new JVM to first connection vs Google's (50 ms Admin API)", "fresh.ours.median",
        "fresh.google.median", Target.atMost(0.6));
    results.compare("new JVM to first connection, slowest, vs Google's", "fresh.ours.max", "fresh.google.max",
        Target.none());
    results.compare("first connect, key ready, vs Google's (50 ms Admin API)", "cold.ours.keyReady.median",
        "cold.google.keyReady.median", Target.none());
    results.compareAbsolute("herd of 200: Admin API calls", "herd.ours.adminCalls", Target.exactly(2));
    results.compare("herd of 200: p50 vs Google's", "herd.ours.p50", "herd.google.p50", Target.none());
    results.compare("herd of 200: p99 vs Google's", "herd.ours.p99", "herd.google.p99", Target.none());
    for (Workload w : Workload.values()) {
      results.compare("pooled " + w + " vs Google's", "pool.ours." + w, "pool.google." + w, Target.atLeast(1.0));
      results.compare("pooled " + w + " vs pgjdbc TLS direct", "pool.ours." + w, "pool.pgjdbc-tls." + w,
          Target.none());
    }
    for (Workload w : Workload.values()) {
      results.compare("pooled " + w + ", metrics on vs off", "pool.ours." + w, "pool.ours-nometrics." + w,
          Target.atLeast(0.98));
    }
    for (Workload w : Workload.values()) {
      results.compare("Payara " + w + ": RA vs native pool", "payara.ra." + w, "payara.native." + w,
          Target.atLeast(0.97));
    }
    results.compare("heap per idle connection vs Google's", "heap.ours.perConnection", "heap.google.perConnection",
        Target.none());
    results.compare("Payara boot with .rar vs bare", "boot.rar", "boot.bare", Target.none());
    results.compareAbsolute("Payara boot: the .rar's extra time (ms)", "boot.rar.extra", Target.atMost(1000));
    results.compareAbsolute("Payara boot: extra time of the .rar without the Google libraries (ms)",
        "boot.floor.extra", Target.none());
    results.compareAbsolute(".rar size (MB)", "footprint.rar.size", Target.atMost(15));
  }
}
