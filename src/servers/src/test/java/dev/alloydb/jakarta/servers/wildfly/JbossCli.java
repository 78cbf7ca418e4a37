package dev.alloydb.jakarta.servers.wildfly;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * WildFly's own command line interface ({@code bin/jboss-cli.sh}) connected to one running server, as a user runs
 * it: scripts with {@code --file}, single commands with {@code --commands}. Authenticates as the local user (the
 * server trusts a CLI on its own machine), so no management user is needed.
 */
final class JbossCli {

  private static final Duration TIMEOUT = Duration.ofMinutes(3);
  /** A loaded machine can take more than the CLI's default 5 s to accept its connection. */
  private static final Duration CONNECT_TIMEOUT = Duration.ofMinutes(1);

  private final Path home;
  private final Path javaHome;
  private final int managementPort;
  private final Path log;

  /**
   * @param log every run's output is appended here
   */
  JbossCli(Path home, Path javaHome, int managementPort, Path log) {
    this.home = home;
    this.javaHome = javaHome;
    this.managementPort = managementPort;
    this.log = log;
  }

  /** Runs a CLI script from {@code workingDirectory} (its relative paths resolve there). */
  String runScript(Path script, Path workingDirectory) throws IOException, InterruptedException {
    return run(workingDirectory, "--file=" + script.toAbsolutePath());
  }

  /** Runs commands (none may contain a comma), stopping at the first that fails. */
  String run(List<String> commands) throws IOException, InterruptedException {
    return run(log.getParent(), "--commands=" + String.join(",", commands));
  }

  private String run(Path workingDirectory, String what) throws IOException, InterruptedException {
    List<String> command = List.of("bash", home.resolve("bin/jboss-cli.sh").toString(),
        "--connect", "--controller=remote+http://127.0.0.1:" + managementPort,
        "--timeout=" + CONNECT_TIMEOUT.toMillis(), what);
    Path output = Files.createTempFile(log.getParent(), "cli-", ".out");
    ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
        .redirectErrorStream(true).redirectOutput(output.toFile());
    builder.environment().put("JAVA_HOME", javaHome.toString());
    builder.environment().remove("JAVA_OPTS");
    Process process = builder.start();
    try {
      if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IOException("jboss-cli " + what + " did not end within " + TIMEOUT);
      }
    } finally {
      if (process.isAlive()) {
        // Timed out or interrupted: the CLI's JVM is the script's child and would outlive it.
        ProcessTree.stop(process.toHandle(), Duration.ofSeconds(5));
      }
    }
    String text = Files.readString(output, StandardCharsets.UTF_8);
    Files.writeString(log, "$ jboss-cli " + what + "\n" + text, StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    Files.delete(output);
    if (process.exitValue() != 0) {
      throw new IOException("jboss-cli " + what + " failed (exit " + process.exitValue() + "):\n" + text);
    }
    return text;
  }
}
