package dev.alloydb.jakarta.testkit.payara;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Payara Micro in a child JVM, for the quickstart and the benchmarks: its output goes to a log file, {@link #awaitReady}
 * waits for the line saying it is ready and tells how long the boot took, {@link #close()} stops it (SIGTERM, which
 * runs its shutdown hooks, then a kill).
 */
public final class PayaraMicroProcess implements AutoCloseable {

  private static final String READY = " ready in ";
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final int port;
  private final Path log;
  private final long launchedAt;
  private final CountDownLatch readyOrGone = new CountDownLatch(1);
  private volatile long readyAt;

  private PayaraMicroProcess(Process process, int port, Path log, long launchedAt) {
    this.process = process;
    this.port = port;
    this.log = log;
    this.launchedAt = launchedAt;
  }

  /**
   * Launches {@code java [jvmOptions] -jar payaraJar --nocluster --port port --rootdir rootDir [microOptions]} in
   * {@code workingDir}; returns at once.
   *
   * @param rootDir Payara's root directory; it keeps the domain configuration (pools included) from one boot to the
   *     next, so pass a {@linkplain #deleteTree new} one
   */
  public static PayaraMicroProcess launch(Path payaraJar, int port, Path rootDir, Path log, Path workingDir,
      List<String> jvmOptions, List<String> microOptions) throws IOException {
    List<String> launcher = List.of("-jar", payaraJar.toAbsolutePath().toString());
    return launch(Path.of(System.getProperty("java.home")), launcher, port, rootDir, log, workingDir, jvmOptions,
        microOptions);
  }

  /**
   * Launches {@code javaHome/bin/java [jvmOptions] [launcher] --nocluster --port port --rootdir rootDir
   * [microOptions]} in {@code workingDir}; returns at once. {@code launcher} is {@code -jar payara-micro.jar}, or
   * {@code -cp <class path> <main class>} for a main class that boots Payara Micro through its launcher API (the
   * process's standard input is then the main class's, see {@link #send}).
   *
   * @param javaHome the JDK Payara runs on (Payara Micro 7 needs 21 or later)
   */
  public static PayaraMicroProcess launch(Path javaHome, List<String> launcher, int port, Path rootDir, Path log,
      Path workingDir, List<String> jvmOptions, List<String> microOptions) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(javaHome.resolve("bin").resolve("java").toString());
    command.addAll(jvmOptions);
    command.addAll(launcher);
    command.addAll(List.of("--nocluster", "--port", Integer.toString(port),
        "--rootdir", rootDir.toAbsolutePath().toString()));
    command.addAll(microOptions);
    long launchedAt = System.nanoTime();
    Process process = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true).start();
    PayaraMicroProcess payara = new PayaraMicroProcess(process, port, log, launchedAt);
    Thread pump = new Thread(payara::copyOutputToLog, "payara-log-" + port);
    pump.setDaemon(true);
    pump.start();
    return payara;
  }

  /** Writes {@code line} and a line break to Payara's standard input. */
  public void send(String line) throws IOException {
    Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    in.write(line);
    in.write('\n');
    in.flush();
  }

  /**
   * Waits until Payara reports ready.
   *
   * @return the time from launch to the ready line
   * @throws IllegalStateException if Payara exits first or is not ready in time; the message points to the log
   */
  public Duration awaitReady(Duration timeout) throws InterruptedException {
    if (!readyOrGone.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("Payara Micro was not ready within " + timeout + "; see " + log);
    }
    if (readyAt == 0) {
      process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      throw new IllegalStateException("Payara Micro exited"
          + (process.isAlive() ? "" : " with status " + process.exitValue()) + " before it was ready; see " + log);
    }
    return Duration.ofNanos(readyAt - launchedAt);
  }

  public int port() {
    return port;
  }

  public Path log() {
    return log;
  }

  public long pid() {
    return process.pid();
  }

  /** Blocks until Payara exits. */
  public int waitFor() throws InterruptedException {
    return process.waitFor();
  }

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

  /** A TCP port free right now, for {@code --port}. */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Deletes {@code dir} with everything in it, if it exists, and returns it (Payara creates its root directory). */
  public static Path deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    return dir;
  }

  private void copyOutputToLog() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
            StandardCharsets.UTF_8));
        Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (readyAt == 0 && line.contains(READY) && line.contains("Payara Micro")) {
          readyAt = System.nanoTime();
          readyOrGone.countDown();
        }
        out.write(line);
        out.write('\n');
        out.flush();
      }
    } catch (IOException e) {
      // Payara went away, or the log cannot be written: awaitReady reports the process's state.
    } finally {
      readyOrGone.countDown();
    }
  }
}
