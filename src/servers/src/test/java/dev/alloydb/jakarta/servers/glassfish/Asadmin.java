package dev.alloydb.jakarta.servers.glassfish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * GlassFish's own {@code bin/asadmin}, run in a work directory with a given environment (the JDK as
 * {@code AS_JAVA}); every run's output is appended to {@code asadmin.log} there.
 */
final class Asadmin {

  private final Path executable;
  private final Path workDir;
  private final Map<String, String> environment;

  Asadmin(Path glassFishHome, Path workDir, Map<String, String> environment) {
    this.executable = glassFishHome.resolve("bin").resolve("asadmin");
    this.workDir = workDir;
    this.environment = Map.copyOf(environment);
  }

  /**
   * Runs {@code asadmin --interactive=false [arguments]} and returns its output.
   *
   * @throws IllegalStateException if it fails or does not end within {@code timeout}; the message has its output
   */
  String run(Duration timeout, List<String> arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(executable.toString(), "--interactive=false"));
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process process = builder.start();
    // asadmin's output is small; read it all before waiting, so that a full pipe cannot block it.
    byte[] output = process.getInputStream().readAllBytes();
    boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    String text = new String(output, StandardCharsets.UTF_8);
    Files.writeString(workDir.resolve("asadmin.log"), "$ asadmin " + String.join(" ", arguments) + "\n" + text,
        StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    if (!ended) {
      process.destroyForcibly();
      throw new IllegalStateException("asadmin " + arguments.get(0) + " did not end within " + timeout);
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException("asadmin " + String.join(" ", arguments) + " failed with status "
          + process.exitValue() + ": " + text);
    }
    return text;
  }
}
