package dev.alloydb.jakarta.benchmark;

import dev.alloydb.jakarta.testkit.throughput.LoopWar;
import dev.alloydb.jakarta.testkit.throughput.Workload;
import dev.alloydb.jakarta.testkit.payara.PayaraMicroProcess;
import dev.alloydb.jakarta.testkit.payara.PoolCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Sections 4 (Payara) and 5 (boot time): Payara Micro with the resource adapter's DataSource against Payara's own
 * JDBC pool over this connector's socket factory (same proxy, same connector code: the difference is the JCA layer),
 * both driven by an in-container loop; and Payara Micro's boot time bare, with the .rar and with the .rar without
 * the Google libraries.
 *
 * <p>Both servers run at once and take turns, trial after trial, so background load hits them alike. The native pool
 * gets the connector's jars from the .rar itself ({@code --addlibs}), so both servers run the same connector build.
 */
final class PayaraBenchmark {

  static final String RA_JNDI = "jdbc/bench-ra";
  static final String NATIVE_JNDI = "jdbc/bench-native";
  static final String RA_NAME = "alloydb-connector";
  /** Generous: a boot takes about 10 s on an idle 2-core machine, but minutes when other builds load it heavily. */
  private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(6);

  private final Settings settings;
  private final Path payaraJar;
  private final Path rar;
  private final Path workDir;

  PayaraBenchmark(Settings settings, Path payaraJar, Path rar, Path workDir) {
    this.settings = settings;
    this.payaraJar = payaraJar;
    this.rar = rar;
    this.workDir = workDir;
  }

  /**
   * Boot time in milliseconds, median of the trials, of a bare Payara Micro ({@code bare}), of one with the .rar
   * deployed ({@code rar}), and of one with the .rar stripped of everything but the adapter, connector-lib and pgjdbc
   * ({@code floor}): that copy deploys and starts the adapter (nothing loads the connector before first use) but
   * could not connect; it measures what deploying any resource adapter costs Payara, apart from scanning the Google
   * libraries' classes.
   */
  Map<String, Double> bootTimes() throws Exception {
    Path floorRar = floorRar();
    Map<String, List<String>> deployments = new LinkedHashMap<>();
    deployments.put("bare", List.of());
    deployments.put("rar", List.of("--deploy", rar.toString()));
    deployments.put("floor", List.of("--deploy", floorRar.toString()));
    Map<String, List<Double>> times = new LinkedHashMap<>();
    for (int t = 0; t < settings.bootTrials(); t++) {
      for (var boot : Turns.inTurn(List.copyOf(deployments.entrySet()), t)) {
        try (PayaraMicroProcess p = launch("boot-" + boot.getKey() + "-" + t, List.of(), boot.getValue())) {
          double millis = p.awaitReady(BOOT_TIMEOUT).toNanos() / 1e6;
          times.computeIfAbsent(boot.getKey(), k -> new ArrayList<>()).add(millis);
        }
      }
    }
    Map<String, Double> result = new LinkedHashMap<>();
    times.forEach((key, list) -> result.put(key,
        Distribution.median(list.stream().mapToDouble(Double::doubleValue).toArray())));
    return result;
  }

  /** A copy of the .rar with only its descriptors, the adapter's jar, connector-lib and pgjdbc. */
  private Path floorRar() throws IOException {
    Path floor = Files.createDirectories(workDir.resolve("floor")).resolve(RA_NAME + "-floor.rar");
    try (InputStream in = Files.newInputStream(rar); ZipInputStream zip = new ZipInputStream(in);
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(floor))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        String name = entry.getName();
        if (name.endsWith(".jar") && !name.contains("/") && !isAdapterJar(name) && !name.startsWith("connector-lib")
            && !name.startsWith("postgresql")) {
          continue;
        }
        out.putNextEntry(new ZipEntry(name));
        zip.transferTo(out);
        out.closeEntry();
      }
    }
    return floor;
  }

  /**
   * Operations per second per workload: key {@code ra.SELECT_1}, {@code native.READ_WRITE}, ...
   *
   * @param raPoolCommand the asadmin line that creates the resource adapter's pool named {@code bench-ra-pool}
   * @param nativeJdbcUrl the pgjdbc URL (with this connector's socket factory) of the native pool
   */
  Map<String, Double> throughput(String raPoolCommand, String nativeJdbcUrl, String user, String password,
      List<String> jvmOptions) throws Exception {
    Path war = LoopWar.write(workDir.resolve("war"));
    Path raCommands = Files.writeString(workDir.resolve("ra.asadmin"), raPoolCommand + "\n"
        + "create-connector-resource --poolname bench-ra-pool " + RA_JNDI + "\n");
    Path nativeCommands = Files.writeString(workDir.resolve("native.asadmin"),
        "create-jdbc-connection-pool --driverclassname org.postgresql.Driver --restype java.sql.Driver"
            + " --steadypoolsize " + settings.poolThreads() + " --maxpoolsize " + settings.poolThreads()
            + " --property "
            + PoolCommand.propertyList(Map.of("URL", nativeJdbcUrl, "user", user, "password", password))
            + " bench-native-pool\n"
            + "create-jdbc-resource --connectionpoolid bench-native-pool " + NATIVE_JNDI + "\n");
    String libs = String.join(":", connectorJarsFromRar().stream().map(Path::toString).toList());
    List<Callable<PayaraMicroProcess>> boots = List.of(
        () -> launch("throughput-ra", jvmOptions, List.of("--deploy", rar.toString(), "--deploy", war.toString(),
            "--postdeploycommandfile", raCommands.toString())),
        () -> launch("throughput-native", jvmOptions, List.of("--addlibs", libs, "--deploy", war.toString(),
            "--postdeploycommandfile", nativeCommands.toString())));
    List<PayaraMicroProcess> started = bootAll(boots);
    try (PayaraMicroProcess ra = started.get(0); PayaraMicroProcess nat = started.get(1)) {
      Map<String, PayaraMicroProcess> servers = new LinkedHashMap<>();
      servers.put("ra", ra);
      servers.put("native", nat);
      get(ra, loop(RA_JNDI, null, Duration.ZERO) + "&schema=true", Duration.ofSeconds(60));
      for (Workload workload : Workload.values()) {
        for (var server : servers.entrySet()) {
          runLoop(server.getValue(), jndi(server.getKey()), workload, settings.throughputWarmup());
        }
      }
      Map<String, List<Double>> samples = new LinkedHashMap<>();
      for (int t = 0; t < settings.throughputTrials(); t++) {
        for (Workload workload : Workload.values()) {
          for (var server : Turns.inTurn(List.copyOf(servers.entrySet()), t)) {
            samples.computeIfAbsent(server.getKey() + "." + workload, k -> new ArrayList<>())
                .add(runLoop(server.getValue(), jndi(server.getKey()), workload, settings.throughputTrial()));
          }
        }
      }
      Map<String, Double> result = new LinkedHashMap<>();
      samples.forEach((k, v) -> result.put(k, Distribution.median(v.stream().mapToDouble(Double::doubleValue)
          .toArray())));
      return result;
    }
  }

  /** Boots the servers one after the other (they are measured in turns, not booted for timing); all or none. */
  private static List<PayaraMicroProcess> bootAll(List<Callable<PayaraMicroProcess>> boots) throws Exception {
    List<PayaraMicroProcess> started = new ArrayList<>();
    try {
      for (Callable<PayaraMicroProcess> boot : boots) {
        PayaraMicroProcess server = boot.call();
        started.add(server);
        server.awaitReady(BOOT_TIMEOUT);
      }
      return started;
    } catch (Exception e) {
      started.forEach(PayaraMicroProcess::close);
      throw e;
    }
  }

  /**
   * Launches Payara Micro on a free port in a new directory {@code name} under the work directory (root directory,
   * temporary files, {@code payara.log}).
   */
  private PayaraMicroProcess launch(String name, List<String> jvmOptions, List<String> microOptions)
      throws IOException {
    Path dir = Files.createDirectories(PayaraMicroProcess.deleteTree(workDir.resolve(name)));
    List<String> options = new ArrayList<>(List.of("-Xmx512m",
        "-Djava.io.tmpdir=" + Files.createDirectories(dir.resolve("tmp"))));
    options.addAll(jvmOptions);
    return PayaraMicroProcess.launch(payaraJar, PayaraMicroProcess.freePort(), dir.resolve("root"),
        dir.resolve("payara.log"), Path.of("").toAbsolutePath(), options, microOptions);
  }

  /** GETs {@code pathAndQuery} from the server; a non-200 answer is an error carrying the body. */
  private static String get(PayaraMicroProcess server, String pathAndQuery, Duration timeout) throws IOException {
    HttpURLConnection http = (HttpURLConnection) URI.create("http://127.0.0.1:" + server.port() + pathAndQuery)
        .toURL().openConnection();
    http.setConnectTimeout(10_000);
    http.setReadTimeout((int) timeout.toMillis());
    try {
      int status = http.getResponseCode();
      InputStream stream = status == 200 ? http.getInputStream() : http.getErrorStream();
      String body = stream == null ? "" : new String(stream.readAllBytes(), StandardCharsets.UTF_8);
      if (status != 200) {
        throw new IOException("GET " + pathAndQuery + " answered " + status + ": " + body + " (log: "
            + server.log() + ")");
      }
      return body;
    } finally {
      http.disconnect();
    }
  }


  private static String jndi(String server) {
    return server.equals("ra") ? RA_JNDI : NATIVE_JNDI;
  }

  private double runLoop(PayaraMicroProcess server, String jndi, Workload workload, Duration duration)
      throws IOException {
    String body = get(server, loop(jndi, workload, duration), duration.plusSeconds(120));
    return Double.parseDouble(body.trim());
  }

  private String loop(String jndi, Workload workload, Duration duration) {
    return "/" + LoopWar.NAME + "/loop?jndi=" + URLEncoder.encode(jndi, StandardCharsets.UTF_8)
        + (workload == null ? "" : "&workload=" + workload + "&threads=" + settings.poolThreads()
            + "&millis=" + duration.toMillis());
  }

  /** The connector's jars (everything in the .rar but the adapter's own classes), for {@code --addlibs}. */
  private List<Path> connectorJarsFromRar() throws IOException {
    Path dir = Files.createDirectories(workDir.resolve("rar-libs"));
    List<Path> jars = new ArrayList<>();
    try (InputStream in = Files.newInputStream(rar); ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        String name = entry.getName();
        if (!name.endsWith(".jar") || name.contains("/") || isAdapterJar(name)) {
          continue;
        }
        Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar)) {
          zip.transferTo(out);
        }
        jars.add(jar);
      }
    }
    if (jars.stream().noneMatch(j -> j.getFileName().toString().startsWith("connector-lib"))) {
      throw new IOException(rar + " holds no connector-lib jar; found " + jars);
    }
    return jars;
  }

  private static boolean isAdapterJar(String name) {
    return name.startsWith("connector-rar") || name.startsWith(RA_NAME);
  }
}
