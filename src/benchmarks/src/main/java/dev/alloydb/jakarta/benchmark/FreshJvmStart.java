package dev.alloydb.jakarta.benchmark;

import dev.alloydb.jakarta.emulator.TimelineEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Section 2f: time to first connection in a new JVM per trial, JVM start and class loading included, the way an
 * application's first connection after a deployment or a scale-out pays it. The clients alternate trial by trial
 * (one untimed trial each first, so the OS file cache is warm for both); each trial is {@link FreshJvmChild} through
 * a connector's socket factory. The breakdown joins the child's marks (main, key generation, connection open) with
 * the emulator's (tokens, each Admin API call received and answered, proxy accepted, TLS done, exchange done): all
 * are {@link System#nanoTime()} of one machine. Stateless.
 */
final class FreshJvmStart {

  /** Phases of one trial, in milliseconds; a phase the trial did not show is absent. */
  record Trial(double total, Map<String, Double> phases) {}

  static final String OPTIONS_PROPERTY = "benchmark.freshJvmOptions";

  private final Fixture fixture;
  private final Path workDir;

  FreshJvmStart(Fixture fixture, Path workDir) {
    this.fixture = fixture;
    this.workDir = workDir;
  }

  Map<UrlClient, List<Trial>> run(List<UrlClient> clients, int trials) throws IOException, InterruptedException {
    Files.createDirectories(workDir);
    for (UrlClient client : clients) {
      once(client);
    }
    Map<UrlClient, List<Trial>> result = new LinkedHashMap<>();
    clients.forEach(c -> result.put(c, new ArrayList<>()));
    for (int t = 0; t < trials; t++) {
      for (UrlClient client : clients) {
        result.get(client).add(once(client));
      }
    }
    return result;
  }

  private Trial once(UrlClient client) throws IOException, InterruptedException {
    Path properties = workDir.resolve(client.id() + ".properties");
    try (OutputStream out = Files.newOutputStream(properties)) {
      client.properties().store(out, null);
    }
    Path log = workDir.resolve(client.id() + "-child.log");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-exports", "java.management/sun.management=ALL-UNNAMED",
        "-Djavax.net.ssl.trustStore=" + System.getProperty("javax.net.ssl.trustStore"),
        "-Djavax.net.ssl.trustStorePassword=" + System.getProperty("javax.net.ssl.trustStorePassword"),
        "-Djavax.net.ssl.trustStoreType=PKCS12"));
    command.addAll(childOptions(client));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), FreshJvmChild.class.getName(), client.url(),
        properties.toString()));
    long spawn = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
    String line;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
      line = out.readLine();
    }
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException(client.label() + ": the fresh JVM did not exit; see " + log);
    }
    if (line == null || process.exitValue() != 0) {
      throw new IOException(client.label() + ": the fresh JVM failed (exit " + process.exitValue() + "); see " + log);
    }
    Map<String, Long> child = parse(line);
    return trial(spawn, child, fixture.timelineSince(spawn));
  }

  /**
   * Extra JVM options for diagnosing a child (never for the figures): {@value #OPTIONS_PROPERTY}, split at spaces,
   * {@code {client}} replaced by the client's id, e.g. {@code -Xlog:class+load:file=/tmp/{client}-%p.log:uptimenanos,tid}.
   */
  private static List<String> childOptions(UrlClient client) {
    String options = System.getProperty(OPTIONS_PROPERTY, "").trim();
    if (options.isEmpty()) {
      return List.of();
    }
    return Arrays.stream(options.split(" +")).map(o -> o.replace("{client}", client.id())).toList();
  }

  private static Map<String, Long> parse(String line) {
    Map<String, Long> values = new HashMap<>();
    for (String pair : line.trim().split(" ")) {
      int eq = pair.indexOf('=');
      values.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
    }
    return values;
  }

  private static Trial trial(long spawn, Map<String, Long> child, List<TimelineEvent> timeline) {
    long main = child.get("main");
    long connected = child.get("connected");
    Map<String, Double> phases = new LinkedHashMap<>();
    phases.put("jvmStart", ms(main - spawn));
    phases.put("classesLoaded", (double) child.get("classes"));
    if (child.get("classLoadMs") >= 0) {
      phases.put("classLoading", (double) child.get("classLoadMs"));
    }
    long firstToken = first(timeline, "token issued", connected);
    phases.put("firstTokenAt", ms(firstToken - main));
    long infoIn = first(timeline, "GET_CONNECTION_INFO received", connected);
    long infoOut = first(timeline, "GET_CONNECTION_INFO answered", connected);
    long certIn = first(timeline, "GENERATE_CLIENT_CERTIFICATE received", connected);
    long certOut = first(timeline, "GENERATE_CLIENT_CERTIFICATE answered", connected);
    phases.put("firstAdminCallAt", ms(Math.min(infoIn, certIn) - main));
    if (child.get("keyStart") > 0) {
      phases.put("keyGenerationAt", ms(child.get("keyStart") - main));
      phases.put("keyGeneration", ms(child.get("keyEnd") - child.get("keyStart")));
    }
    phases.put("getConnectionInfoAt", ms(infoIn - main));
    phases.put("getConnectionInfo", ms(infoOut - infoIn));
    phases.put("generateClientCertificateAt", ms(certIn - main));
    phases.put("generateClientCertificate", ms(certOut - certIn));
    long accepted = first(timeline, "proxy accepted", connected);
    long tls = first(timeline, "proxy TLS done", connected);
    long exchange = first(timeline, "proxy exchange done", connected);
    phases.put("adminDoneToTcp", ms(accepted - Math.max(infoOut, certOut)));
    phases.put("tcpAt", ms(accepted - main));
    phases.put("tls", ms(tls - accepted));
    phases.put("exchange", ms(exchange - tls));
    phases.put("postgresStartup", ms(connected - exchange));
    return new Trial(ms(connected - spawn), phases);
  }

  /** When {@code what} first happened, or {@code otherwise} if it did not. */
  private static long first(List<TimelineEvent> timeline, String what, long otherwise) {
    return timeline.stream().filter(e -> e.what().equals(what)).mapToLong(TimelineEvent::nanos).findFirst()
        .orElse(otherwise);
  }

  /** What a phase key means, for the results' labels. */
  static String describe(String phase) {
    return switch (phase) {
      case "jvmStart" -> "JVM start (process spawned to main)";
      case "classesLoaded" -> "classes loaded by the first connection";
      case "classLoading" -> "class loading, summed over threads (HotSpot counter)";
      case "firstTokenAt" -> "first OAuth2 token issued, after main";
      case "firstAdminCallAt" -> "first Admin API call received, after main";
      case "keyGenerationAt" -> "RSA key generation started, after main";
      case "keyGeneration" -> "RSA key generation";
      case "getConnectionInfoAt" -> "GetConnectionInfo received, after main";
      case "getConnectionInfo" -> "GetConnectionInfo, received to answered";
      case "generateClientCertificateAt" -> "GenerateClientCertificate received, after main";
      case "generateClientCertificate" -> "GenerateClientCertificate, received to answered";
      case "adminDoneToTcp" -> "last Admin API answer to TCP accepted by the proxy";
      case "tcpAt" -> "TCP accepted by the proxy, after main";
      case "tls" -> "TLS handshake (proxy side)";
      case "exchange" -> "metadata exchange (proxy side)";
      case "postgresStartup" -> "PostgreSQL start-up and login, exchange done to connection returned";
      default -> phase;
    };
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
