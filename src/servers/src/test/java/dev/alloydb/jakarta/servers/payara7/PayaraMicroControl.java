package dev.alloydb.jakarta.servers.payara7;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Main class of the Payara Micro process: boots Payara Micro through its launcher API with the usual command-line
 * options, then runs asadmin command files named on its standard input, one path a line, with Payara's own command
 * runner (the one that runs post-boot files); Payara Micro has no admin listener to send them to. Each file's
 * results go to {@code <file>.result}: one {@code SUCCESS|FAILURE <command>: <output>} line per command.
 *
 * <p>Uses Payara only through reflection, so that this module does not depend on a Payara version.
 */
public final class PayaraMicroControl {

  private PayaraMicroControl() {
  }

  /** Boots Payara Micro with {@code args}, then serves command files until its standard input closes. */
  public static void main(String[] args) throws Exception {
    Class.forName("fish.payara.micro.boot.PayaraMicroLauncher").getMethod("create", String[].class)
        .invoke(null, (Object) args);
    Object commandRunner = commandRunner();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (!line.isBlank()) {
        runFile(commandRunner, Path.of(line.trim()));
      }
    }
  }

  private static Object commandRunner() throws ReflectiveOperationException {
    ClassLoader payara = Thread.currentThread().getContextClassLoader();
    Object micro = payara.loadClass("fish.payara.micro.impl.PayaraMicroImpl").getMethod("getInstance").invoke(null);
    Field glassFish = micro.getClass().getDeclaredField("gf");
    glassFish.setAccessible(true);
    Class<?> glassFishType = payara.loadClass("org.glassfish.embeddable.GlassFish");
    return glassFishType.getMethod("getCommandRunner").invoke(glassFish.get(micro));
  }

  private static void runFile(Object commandRunner, Path file) throws Exception {
    Class<?> runnerType = commandRunner.getClass().getClassLoader()
        .loadClass("org.glassfish.embeddable.CommandRunner");
    Method run = runnerType.getMethod("run", String.class, String[].class);
    List<String> results = new ArrayList<>();
    for (String command : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (command.isBlank() || command.startsWith("#")) {
        continue;
      }
      String[] words = command.trim().split("\\s+");
      Object result = run.invoke(commandRunner, words[0], (Object) Arrays.copyOfRange(words, 1, words.length));
      Class<?> resultType = runnerType.getClassLoader().loadClass("org.glassfish.embeddable.CommandResult");
      Object status = resultType.getMethod("getExitStatus").invoke(result);
      String output = String.valueOf(resultType.getMethod("getOutput").invoke(result)).replace('\n', ' ');
      results.add(status + " " + command + ": " + output);
    }
    Path partial = Path.of(file + ".partial");
    Files.write(partial, results, StandardCharsets.UTF_8);
    Files.move(partial, Path.of(file + ".result"), StandardCopyOption.ATOMIC_MOVE);
  }
}
