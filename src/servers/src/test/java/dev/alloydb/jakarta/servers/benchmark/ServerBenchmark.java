package dev.alloydb.jakarta.servers.benchmark;

import dev.alloydb.jakarta.emulator.AlloyDbEmulator;
import dev.alloydb.jakarta.servers.ScenarioSuite;
import dev.alloydb.jakarta.servers.ServerSetup;
import dev.alloydb.jakarta.servers.ServerUnderTest;
import dev.alloydb.jakarta.servers.glassfish.GlassFish7;
import dev.alloydb.jakarta.servers.liberty.OpenLibertyServer;
import dev.alloydb.jakarta.servers.payara7.PayaraMicro7;
import dev.alloydb.jakarta.servers.wildfly.WildFlyServer;
import dev.alloydb.jakarta.testkit.throughput.LoopWar;
import dev.alloydb.jakarta.testkit.throughput.Workload;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The server benchmark (not a test): {@code ./mvnw -B -Pservers-benchmark -pl src/servers -am verify -DskipTests}.
 * On each server of the matrix, booted once by its launcher with its adapter recipe and its native-pool recipe, the
 * throughput loop war runs {@link Workload}s from {@value #THREADS} threads inside the server against the resource
 * adapter's DataSource and against the server's own JDBC pool over connector-lib's socket factory: same emulator, same
 * connector build, the two pools taking turns trial after trial (the order alternating), so that background load
 * hits both alike. A pool that does not serve fails that server's run and the whole run (exit status 1), after the
 * other servers were measured. Results: {@code src/docs/benchmarks/servers.{json,csv,md}}.
 */
public final class ServerBenchmark {

  static final int THREADS = 8;

  private final Path serversDir;
  private final Path rar;
  private final Path resultsDir;
  private final Duration warmup;
  private final Duration trial;
  private final int trials;

  private ServerBenchmark(Path serversDir, Path rar, Path resultsDir, Duration warmup, Duration trial, int trials) {
    this.serversDir = serversDir;
    this.rar = rar;
    this.resultsDir = resultsDir;
    this.warmup = warmup;
    this.trial = trial;
    this.trials = trials;
  }

  public static void main(String[] args) throws Exception {
    Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
    Path serversDir = Path.of(required("servers.dir")).toAbsolutePath();
    ServerBenchmark benchmark = new ServerBenchmark(serversDir, Path.of(required("servers.rar")).toAbsolutePath(),
        Path.of(required("servers.benchmark.results")).toAbsolutePath(),
        Duration.ofSeconds(Long.getLong("servers.benchmark.warmupSeconds", 6)),
        Duration.ofSeconds(Long.getLong("servers.benchmark.trialSeconds", 3)),
        Integer.getInteger("servers.benchmark.trials", 5));
    List<BenchmarkedServer> servers = selected(matrix(serversDir), System.getProperty("servers.benchmark.only", ""));
    long start = System.nanoTime();
    boolean failed = benchmark.run(servers);
    System.out.printf("Server benchmark finished in %.0f s; results in %s%n", (System.nanoTime() - start) / 1e9,
        benchmark.resultsDir);
    System.exit(failed ? 1 : 0);
  }

  /** Every server of the matrix, launched as its scenario IT launches it, plus its native-pool recipe. */
  static List<BenchmarkedServer> matrix(Path serversDir) {
    Path recipes = Path.of(required("servers.recipes"));
    Optional<Path> jars = Optional.of(Path.of(required("servers.native-jdbc")));
    Path jdk17 = Path.of(required("servers.jdk17"));
    Path jdk25 = Path.of(required("servers.jdk25"));
    return List.of(
        new BenchmarkedServer("payara7", () -> new PayaraMicro7(serversDir.resolve("payara7/payara-micro.jar"),
            required("servers.payara7.version"), recipes.resolve("payara7"), jars), jdk25,
            "jdbc/alloydb", "jdbc/alloydb-native"),
        new BenchmarkedServer("glassfish", () -> new GlassFish7(serversDir.resolve("glassfish/glassfish7"),
            required("servers.glassfish.version"), recipes.resolve("glassfish"), jars), jdk17,
            "jdbc/alloydb", "jdbc/alloydb-native"),
        new BenchmarkedServer("wildfly", () -> new WildFlyServer(Path.of(required("servers.wildfly.home")),
            recipes.resolve("wildfly"), jars), jdk17, "java:/jdbc/alloydb", "java:/jdbc/alloydb-native"),
        new BenchmarkedServer("liberty", () -> new OpenLibertyServer(Path.of(required("servers.liberty")),
            recipes.resolve("liberty"), jars), jdk17, "jdbc/alloydb", "jdbc/alloydb-native"));
  }

  /** The servers named in {@code only} (comma-separated ids), or all when it is blank. */
  static List<BenchmarkedServer> selected(List<BenchmarkedServer> all, String only) {
    if (only.isBlank()) {
      return all;
    }
    Set<String> ids = Arrays.stream(only.split(",")).map(String::trim).collect(Collectors.toSet());
    Set<String> known = all.stream().map(BenchmarkedServer::id).collect(Collectors.toSet());
    if (!known.containsAll(ids)) {
      throw new IllegalArgumentException("servers.benchmark.only=" + only + ": expected a comma-separated subset of "
          + known);
    }
    return all.stream().filter(server -> ids.contains(server.id())).toList();
  }

  /** Measures each server in turn; true if any failed. */
  private boolean run(List<BenchmarkedServer> servers) throws IOException {
    String settings = String.format(Locale.ROOT, "%d threads in the server, each operation borrows and returns a "
        + "connection; per workload %d s warm-up per pool, then %d trials of %d s per pool, pools alternating; "
        + "medians", THREADS, warmup.toSeconds(), trials, trial.toSeconds());
    ServerResults results = new ServerResults(machine(), settings);
    System.out.println("Machine: " + machine());
    System.out.println("Settings: " + settings);
    AlloyDbEmulator emulator = AlloyDbEmulator.shared();
    Path war = LoopWar.write(serversDir.resolve("benchmark-wars"));
    for (BenchmarkedServer server : servers) {
      long start = System.nanoTime();
      try {
        measure(server, emulator, war).forEach(results::add);
      } catch (Exception e) {
        System.err.println("The benchmark on " + server.id() + " failed:");
        e.printStackTrace();
        results.fail(server.id(), e);
      }
      System.out.printf("   (%s took %.0f s, boot included)%n", server.id(), (System.nanoTime() - start) / 1e9);
      results.write(resultsDir);
    }
    return results.failed();
  }

  private List<ServerResults.Row> measure(BenchmarkedServer server, AlloyDbEmulator emulator, Path war)
      throws Exception {
    ServerUnderTest launched = server.launcher().get();
    try {
      launched.start(new ServerSetup(rar, List.of(war), ScenarioSuite.alloydbConfig(emulator),
          serversDir.resolve("benchmark-" + server.id()), server.javaHome()));
      System.out.println("== " + launched.name() + " on JDK " + jdkVersion(server.javaHome()));
      LoopClient loop = new LoopClient(launched.baseUri(), THREADS);
      loop.createSchema(server.adapterJndi());
      Map<String, String> pools = new LinkedHashMap<>();
      pools.put("adapter", server.adapterJndi());
      pools.put("native", server.nativeJndi());
      for (Workload workload : Workload.values()) {
        for (String jndi : pools.values()) {
          loop.run(jndi, workload, warmup);
        }
      }
      Map<String, List<Double>> samples = new LinkedHashMap<>();
      for (int t = 0; t < trials; t++) {
        List<String> order = new ArrayList<>(pools.keySet());
        if (t % 2 == 1) {
          Collections.reverse(order);
        }
        for (Workload workload : Workload.values()) {
          for (String pool : order) {
            samples.computeIfAbsent(pool + "." + workload, k -> new ArrayList<>())
                .add(loop.run(pools.get(pool), workload, trial));
          }
        }
      }
      List<ServerResults.Row> rows = new ArrayList<>();
      for (Workload workload : Workload.values()) {
        rows.add(new ServerResults.Row(launched.name(), jdkVersion(server.javaHome()), workload,
            samples.get("adapter." + workload), samples.get("native." + workload)));
      }
      return rows;
    } finally {
      launched.close();
    }
  }

  /** The JDK's version from its {@code release} file, e.g. "17.0.15". */
  static String jdkVersion(Path javaHome) throws IOException {
    try (Stream<String> lines = Files.lines(javaHome.resolve("release"))) {
      return lines.filter(line -> line.startsWith("JAVA_VERSION=")).findFirst()
          .map(line -> line.substring(line.indexOf('=') + 1).replace("\"", "")).orElse(javaHome.toString());
    }
  }

  private static String machine() throws IOException {
    String cpu;
    try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
      cpu = lines.filter(line -> line.startsWith("model name")).findFirst()
          .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse(System.getProperty("os.arch"));
    }
    return String.format(Locale.ROOT, "%d cores (%s); load average %.1f at start",
        Runtime.getRuntime().availableProcessors(), cpu,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("system property " + property + " is not set: run the benchmark with "
          + "-Pservers-benchmark (README \"Performance and reliability\")");
    }
    return value;
  }
}
