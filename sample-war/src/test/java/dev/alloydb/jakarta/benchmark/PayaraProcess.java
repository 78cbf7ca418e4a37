package dev.alloydb.jakarta.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One Payara Micro server in a child JVM, for the Payara part of the benchmark. {@link #boot} returns once Payara
 * prints its "ready" line; the wall time from launching the JVM to that line is the boot time. The output goes to a
 * log file next to the server's root directory. {@link #close()} stops the process (SIGTERM, then kill).
 */
final class PayaraProcess implements AutoCloseable {

  private static final String READY_MARKER = " ready in ";

  private final Process process;
  private final int port;
  private final Duration bootTime;
  private final Path log;

  private PayaraProcess(Process process, int port, Duration bootTime, Path log) {
    this.process = process;
    this.port = port;
    this.bootTime = bootTime;
    this.log = log;
  }

  /**
   * Starts Payara Micro with {@code extraArgs} (deployments, command files, libraries) and waits until it is ready.
   *
   * @throws IOException if it exits or is not ready within {@code timeout}; the message points to its log
   */
  static PayaraProcess boot(Path payaraJar, Path workDir, String name, List<String> jvmOptions,
      List<String> extraArgs, Duration timeout) throws IOException, InterruptedException {
    // A root directory keeps domain.xml (and the pools created in it) from one boot to the next: start clean.
    Path dir = Files.createDirectories(deleteTree(workDir.resolve(name)));
    Path log = dir.resolve("payara.log");
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-Djava.io.tmpdir=" + Files.createDirectories(dir.resolve("tmp")));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", payaraJar.toString(), "--nocluster", "--port", Integer.toString(port),
        "--rootdir", dir.resolve("root").toString()));
    command.addAll(extraArgs);
    long start = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    CountDownLatch ready = new CountDownLatch(1);
    long[] readyAt = new long[1];
    Thread pump = new Thread(() -> pump(process, log, ready, readyAt), "payara-log-" + name);
    pump.setDaemon(true);
    pump.start();
    boolean isReady = ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS) && readyAt[0] != 0;
    if (!isReady) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      throw new IOException("Payara Micro (" + name + ") was not ready within " + timeout + " (exit: "
          + (process.isAlive() ? "still running" : process.exitValue()) + "); see " + log);
    }
    return new PayaraProcess(process, port, Duration.ofNanos(readyAt[0] - start), log);
  }

  Duration bootTime() {
    return bootTime;
  }

  Path log() {
    return log;
  }

  /** GETs {@code pathAndQuery} from the server; a non-200 answer is an error carrying the body. */
  String get(String pathAndQuery, Duration timeout) throws IOException {
    HttpURLConnection http = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + pathAndQuery).toURL()
        .openConnection();
    http.setConnectTimeout(10_000);
    http.setReadTimeout((int) timeout.toMillis());
    try {
      int status = http.getResponseCode();
      var stream = status == 200 ? http.getInputStream() : http.getErrorStream();
      String body = stream == null ? "" : new String(stream.readAllBytes(), StandardCharsets.UTF_8);
      if (status != 200) {
        throw new IOException("GET " + pathAndQuery + " answered " + status + ": " + body + " (log: " + log + ")");
      }
      return body;
    } finally {
      http.disconnect();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static void pump(Process process, Path log, CountDownLatch ready, long[] readyAt) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
            StandardCharsets.UTF_8));
        Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (readyAt[0] == 0 && line.contains(READY_MARKER) && line.contains("Payara Micro")) {
          readyAt[0] = System.nanoTime();
          ready.countDown();
        }
        out.write(line);
        out.write('\n');
        out.flush();
      }
    } catch (IOException e) {
      // The process went away; the caller sees it through the latch timing out or the exit value.
    } finally {
      ready.countDown();
    }
  }

  private static Path deleteTree(Path root) throws IOException {
    if (Files.exists(root)) {
      try (var paths = Files.walk(root)) {
        for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    return root;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
