package dev.alloydb.jakarta.sample.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alloydb.jakarta.testkit.payara.PayaraMicroProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's first command, {@code ./mvnw -Pquickstart}, minus Maven: runs {@link Quickstart} in a JVM of its own,
 * in that JVM's process as the {@code quickstart} profile runs it in Maven's (exec:java; same main class, arguments
 * and test class path, on a free port), checks that what it prints is what the README shows, runs the README's curl
 * transcript against it (each answer must be the README's, byte for byte), and that SIGTERM to that process (what a
 * process manager or CI sends to {@code ./mvnw}, which execs Maven's JVM; also Ctrl-C's shutdown path) leaves no
 * process behind, not Payara Micro, not PostgreSQL, and frees the HTTP port.
 */
class QuickstartIT {

  private static final String README_COMMAND = "$ ./mvnw -Pquickstart";
  private static final String LAST_LINE = "Press Ctrl-C to stop.";
  private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

  @Test
  void quickstartPrintsWhatTheReadmeShowsServesTheSampleAndStopsCleanly() throws Exception {
    Path runtimeDir = Path.of(System.getProperty("sample.payara.dir")).toAbsolutePath();
    int port = PayaraMicroProcess.freePort();
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
        "-Dot.epg.working-dir=" + System.getProperty("ot.epg.working-dir"),
        "-classpath", System.getProperty("java.class.path"),
        Quickstart.class.getName(), runtimeDir.toString(), System.getProperty("sample.war"), Integer.toString(port));
    // PostgreSQL is not a descendant: pg_ctl starts it detached. Those of the test's own emulator are left alone.
    Set<Long> postgresBefore = postgresProcesses().map(ProcessHandle::pid).collect(Collectors.toSet());
    // Standard error apart: what the quickstart prints goes to standard output, while the JVM writes its own
    // warnings (JDK 24+ native-access and Unsafe notices from the libraries) to standard error.
    Path stderr = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().resolve("quickstart-stderr.log");
    Files.createDirectories(stderr.getParent());
    Process quickstart = new ProcessBuilder(command).directory(runtimeDir.toFile())
        .redirectError(ProcessBuilder.Redirect.to(stderr.toFile())).start();
    List<String> output = Collections.synchronizedList(new ArrayList<>());
    Thread reader = new Thread(() -> readLines(quickstart, output), "quickstart-output");
    reader.setDaemon(true);
    reader.start();
    try {
      awaitLine(quickstart, output, LAST_LINE, stderr);

      assertThat(printedBlock(output)).as("what the quickstart prints, as the README shows it")
          .containsExactlyElementsOf(readmeBlock(port, runtimeDir));

      List<ReadmeCommand> transcript = readmeTranscript(port);
      for (ReadmeCommand example : transcript) {
        assertThat(run(example.command())).as(example.command()).isEqualTo(example.output());
      }

      List<ProcessHandle> postmasters = postgresProcesses()
          .filter(p -> !postgresBefore.contains(p.pid()) && !isPostgres(p.parent())).toList();
      List<ProcessHandle> started = Stream.concat(quickstart.descendants(),
          postmasters.stream().flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))).toList();
      assertThat(started).as("Payara Micro and PostgreSQL processes of the quickstart")
          .anyMatch(p -> p.info().commandLine().orElse("").contains("payara-micro.jar"))
          .anyMatch(p -> p.info().command().orElse("").endsWith("/postgres"));

      quickstart.destroy();
      assertThat(quickstart.waitFor(2, TimeUnit.MINUTES)).as("the quickstart stopped on SIGTERM").isTrue();
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
      while (started.stream().anyMatch(QuickstartIT::running) && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      assertThat(started).as("processes left after the quickstart stopped").noneMatch(QuickstartIT::running);
      assertThat(portIsFree(port)).as("port %d free after the quickstart stopped", port).isTrue();
      System.out.printf("quickstart: README output matched, %d README commands answered as documented, %d"
          + " processes (Payara Micro, PostgreSQL) gone and port %d free after SIGTERM%n", transcript.size(),
          started.size(), port);
    } finally {
      // On failure too, stop it the way Ctrl-C does, so that its shutdown hook stops Payara and PostgreSQL.
      quickstart.destroy();
      if (!quickstart.waitFor(2, TimeUnit.MINUTES)) {
        quickstart.descendants().forEach(ProcessHandle::destroyForcibly);
        quickstart.destroyForcibly();
      }
      // Payara unpacks ~100 MB into its root directory; the log stays for whoever reads a failure.
      PayaraMicroProcess.deleteTree(runtimeDir.resolve("root-" + port));
    }
  }

  /** From the first line the quickstart prints itself through {@value #LAST_LINE}. */
  private static List<String> printedBlock(List<String> output) {
    List<String> lines;
    synchronized (output) {
      lines = List.copyOf(output);
    }
    int first = lines.indexOf("Starting the local AlloyDB emulator ...");
    int last = lines.indexOf(LAST_LINE);
    assertThat(first).as("quickstart output: %s", lines).isNotNegative().isLessThan(last);
    return lines.subList(first, last + 1);
  }

  /**
   * The README's quickstart output block after its {@code ...} line, with this run's port and runtime directory in
   * place of the README's (port 8080, a checkout in {@code /home/me/alloydb-jakarta}).
   */
  private static List<String> readmeBlock(int port, Path runtimeDir) throws IOException {
    List<String> readme = Files.readAllLines(Path.of(System.getProperty("sample.readme")), StandardCharsets.UTF_8);
    int start = readme.indexOf(README_COMMAND);
    assertThat(start).as("the README shows the quickstart's output after %s", README_COMMAND).isNotNegative();
    assertThat(readme.get(start + 1)).isEqualTo("...");
    List<String> block = new ArrayList<>();
    for (String line : readme.subList(start + 2, readme.size())) {
      if (line.equals("```")) {
        break;
      }
      block.add(line.replace("localhost:8080", "localhost:" + port)
          .replace("/home/me/alloydb-jakarta/sample-war/target/payara/", runtimeDir + "/")
          .replace("payara-8080.log", "payara-" + port + ".log"));
    }
    return block;
  }

  private static void awaitLine(Process process, List<String> output, String line, Path stderr)
      throws InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (!output.contains(line)) {
      assertThat(process.isAlive()).as("quickstart exited early; output: %s; standard error in %s", output, stderr)
          .isTrue();
      assertThat(System.nanoTime()).as("quickstart not ready within %s; output: %s; standard error in %s",
          START_TIMEOUT, output, stderr).isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  private static void readLines(Process process, List<String> output) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        output.add(line);
      }
    } catch (IOException e) {
      output.add("(output unreadable: " + e + ")");
    }
  }

  /** A command of the README's transcript and the one line it answers with there. */
  private record ReadmeCommand(String command, String output) {
  }

  /** The README's "try it" transcript: its first block of {@code $ curl} lines, each followed by its answer. */
  private static List<ReadmeCommand> readmeTranscript(int port) throws IOException {
    List<String> readme = Files.readAllLines(Path.of(System.getProperty("sample.readme")), StandardCharsets.UTF_8);
    int start = readme.indexOf("```") + 1;
    while (start < readme.size() && !readme.get(start).startsWith("$ curl ")) {
      start = readme.subList(start, readme.size()).indexOf("```") + start + 1;
    }
    List<ReadmeCommand> commands = new ArrayList<>();
    for (int i = start; !readme.get(i).equals("```"); i += 2) {
      assertThat(readme.get(i)).as("README transcript line %d", i + 1).startsWith("$ curl ");
      commands.add(new ReadmeCommand(readme.get(i).substring(2).replace("localhost:8080", "localhost:" + port),
          readme.get(i + 1)));
    }
    assertThat(commands).as("the README's transcript").hasSizeGreaterThan(5);
    return commands;
  }

  /** Runs a shell command line (the README's curl lines are for a shell) and returns what it printed. */
  private static String run(String commandLine) throws IOException, InterruptedException {
    Process shell = new ProcessBuilder("bash", "-c", commandLine).redirectErrorStream(true).start();
    String printed = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(shell.waitFor(1, TimeUnit.MINUTES)).as("%s finished", commandLine).isTrue();
    return printed.endsWith("\n") ? printed.substring(0, printed.length() - 1) : printed;
  }

  /** Whether a server socket can bind {@code port} on every address, as Payara's HTTP listener does. */
  private static boolean portIsFree(int port) {
    try (ServerSocket probe = new ServerSocket()) {
      probe.bind(new InetSocketAddress(port));
      return true;
    } catch (IOException taken) {
      return false;
    }
  }

  /**
   * PostgreSQL servers of this build: zonky runs them from binaries it unpacks under {@code ot.epg.working-dir}, so
   * the servers of other builds on the same machine do not count.
   */
  private static Stream<ProcessHandle> postgresProcesses() {
    String ours = Path.of(System.getProperty("ot.epg.working-dir")).toAbsolutePath() + "/";
    return ProcessHandle.allProcesses()
        .filter(p -> isPostgres(p) && p.info().command().orElse("").startsWith(ours));
  }

  private static boolean isPostgres(ProcessHandle process) {
    return process.info().command().orElse("").endsWith("/postgres");
  }

  private static boolean isPostgres(Optional<ProcessHandle> process) {
    return process.map(QuickstartIT::isPostgres).orElse(false);
  }

  /** Alive and not a zombie: an exited PostgreSQL is reaped by init, whenever init gets to it. */
  private static boolean running(ProcessHandle process) {
    if (!process.isAlive()) {
      return false;
    }
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
      return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
    } catch (IOException gone) {
      return false;
    }
  }
}
