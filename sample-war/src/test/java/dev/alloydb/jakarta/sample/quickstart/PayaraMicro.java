package dev.alloydb.jakarta.sample.quickstart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Payara Micro process running the resource adapter and the sample war, configured the way the README tells a
 * user to: {@code --systemproperties alloydb.properties --postbootcommandfile post-boot-commands.asadmin}.
 * The runtime directory holds {@code payara-micro.jar}, {@code alloydb-connector.rar} and the boot files
 * (sample-war's build gathers them).
 */
final class PayaraMicro implements AutoCloseable {

  private static final String READY = " ready in ";
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final Path log;

  private PayaraMicro(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * Launches Payara Micro in {@code runtimeDir} with a fresh root directory under it; {@link #awaitReady} then
   * waits for it.
   *
   * @param systemProperties the MicroProfile Config settings, in {@code alloydb.properties} format
   * @throws IllegalStateException if the port is taken
   */
  static PayaraMicro launch(Path runtimeDir, Path war, int port, Path systemProperties) throws IOException {
    requireFreePort(port);
    Path rootDir = freshRootDir(runtimeDir, "root-" + port);
    Path log = runtimeDir.resolve("payara-" + port + ".log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = List.of(java, "-jar", "payara-micro.jar",
        "--nocluster", "--port", Integer.toString(port), "--rootdir", rootDir.toString(),
        "--systemproperties", systemProperties.toAbsolutePath().toString(),
        "--postbootcommandfile", "post-boot-commands.asadmin",
        "--deploy", war.toAbsolutePath().toString());
    Process process = new ProcessBuilder(command).directory(runtimeDir.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new PayaraMicro(process, log);
  }

  Path log() {
    return log;
  }

  long pid() {
    return process.pid();
  }

  /** Blocks until Payara exits (Ctrl-C reaches it directly, as it shares the terminal). */
  int waitFor() throws InterruptedException {
    return process.waitFor();
  }

  /** Stops Payara (SIGTERM, which runs its shutdown hooks) and waits; kills it if it does not stop in time. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Waits until Payara reports ready.
   *
   * @throws IllegalStateException if it exits first or is not ready in time
   */
  void awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!logText().contains(READY)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Payara Micro exited with status " + process.exitValue()
            + " before it was ready; see " + log);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Payara Micro was not ready within " + timeout + "; see " + log);
      }
      Thread.sleep(250);
    }
  }

  /**
   * Checks that the application answers: Payara reports ready even when a deployment failed.
   *
   * @throws IllegalStateException if {@code url} does not answer 200
   */
  void requireDeployed(URI url) throws InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60)).build();
    int status;
    try {
      status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new IllegalStateException("Payara Micro does not answer at " + url + " (" + e + "); see " + log, e);
    }
    if (status != 200) {
      throw new IllegalStateException(url + " answered HTTP " + status
          + ": the .rar or the war did not deploy; see " + log);
    }
  }

  private String logText() {
    try {
      return Files.exists(log) ? new String(Files.readAllBytes(log), StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void requireFreePort(int port) throws IOException {
    try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName("0.0.0.0"))) {
      probe.setReuseAddress(true);
    } catch (IOException e) {
      throw new IllegalStateException("port " + port + " is in use: stop what runs there, or choose another"
          + " port with -Dquickstart.port=<port>", e);
    }
  }

  /**
   * An empty root directory: Payara Micro keeps its domain configuration there, and a second boot on the same
   * one would find the .rar and the pool of the first (with their old settings) and fail to recreate them.
   */
  static Path freshRootDir(Path runtimeDir, String name) throws IOException {
    Path dir = runtimeDir.resolve(name);
    if (!Files.exists(dir)) {
      return dir;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
    return dir;
  }
}
