package dev.alloydb.jakarta.servers.payara7;

import dev.alloydb.jakarta.servers.ServerSetup;
import dev.alloydb.jakarta.servers.ServerUnderTest;
import dev.alloydb.jakarta.testkit.payara.PayaraMicroProcess;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.stream.Stream;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;

/**
 * Payara Micro 7 (Jakarta EE 11) booted with the recipe {@code recipes/payara7}: the .rar beside the post-boot file
 * as {@value #RAR_NAME}, the settings in {@code alloydb.properties} ({@code --systemproperties}, read through
 * MicroProfile Config), the wars as {@code --deploy}. Undeploys with Payara's own command runner
 * ({@link PayaraMicroControl}). With the native pool's jars, it also gets them as {@code --addlibs} and, once booted, runs
 * the recipe {@code alloydb-native.asadmin} (Payara's own JDBC pool {@code jdbc/alloydb-native}).
 */
public final class PayaraMicro7 implements ServerUnderTest {

  static final String RAR_NAME = "alloydb-connector.rar";
  /** The recipe of Payara's own JDBC pool over the socket factory. */
  static final String NATIVE_RECIPE = "alloydb-native.asadmin";
  private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(4);
  private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);

  private final Path payaraJar;
  private final String version;
  private final Path recipe;
  private final Optional<Path> nativePoolJars;
  private PayaraMicroProcess process;
  private Path workDir;
  private List<String> appNames = List.of();

  /**
   * @param payaraJar {@code payara-micro.jar} of a 7.x release
   * @param version its version, for reports
   * @param recipe the recipe directory ({@code recipes/payara7})
   */
  public PayaraMicro7(Path payaraJar, String version, Path recipe) {
    this(payaraJar, version, recipe, Optional.empty());
  }

  /**
   * @param nativePoolJars if present, the directory of the native pool's jars (pgjdbc and connector-lib's single
   *     jar): Payara then also gets Payara's own JDBC pool from the recipe {@value #NATIVE_RECIPE}
   */
  public PayaraMicro7(Path payaraJar, String version, Path recipe, Optional<Path> nativePoolJars) {
    this.payaraJar = payaraJar.toAbsolutePath();
    this.version = version;
    this.recipe = recipe.toAbsolutePath();
    this.nativePoolJars = nativePoolJars.map(Path::toAbsolutePath);
  }

  @Override
  public String name() {
    return "Payara Micro " + version;
  }

  @Override
  public void start(ServerSetup setup) throws Exception {
    workDir = Files.createDirectories(setup.workDir());
    Files.copy(setup.rar(), workDir.resolve(RAR_NAME), StandardCopyOption.REPLACE_EXISTING);
    Path settings = workDir.resolve("alloydb.properties");
    List<String> lines = new ArrayList<>(List.of("# The adapter's MicroProfile Config keys for the emulator"));
    setup.alloydbConfig().forEach((key, value) -> lines.add(key + "=" + value));
    Files.write(settings, lines, StandardCharsets.UTF_8);
    Path control = workDir.resolve("payara-control.jar");
    ShrinkWrap.create(JavaArchive.class, "payara-control.jar").addClass(PayaraMicroControl.class)
        .as(ZipExporter.class).exportTo(control.toFile(), true);

    List<String> micro = new ArrayList<>(List.of("--systemproperties", settings.toString(),
        "--postbootcommandfile", recipe.resolve("post-boot-commands.asadmin").toString()));
    if (nativePoolJars.isPresent()) {
      micro.addAll(List.of("--addlibs", String.join(":", jars(nativePoolJars.get()))));
    }
    List<String> names = new ArrayList<>();
    for (Path war : setup.wars()) {
      micro.addAll(List.of("--deploy", war.toString()));
      names.add(war.getFileName().toString().replaceFirst("\\.war$", ""));
    }
    appNames = List.copyOf(names);
    process = PayaraMicroProcess.launch(setup.javaHome(),
        List.of("-cp", payaraJar + ":" + control, PayaraMicroControl.class.getName()),
        PayaraMicroProcess.freePort(), PayaraMicroProcess.deleteTree(workDir.resolve("root")),
        workDir.resolve("payara.log"), workDir, openedPackages(), micro);
    Duration boot = process.awaitReady(BOOT_TIMEOUT);
    System.out.printf("%s booted in %d ms (its own ready line)%n", name(), boot.toMillis());
    if (nativePoolJars.isPresent()) {
      runCommandFile(recipe.resolve(NATIVE_RECIPE));
    }
  }

  @Override
  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + process.port() + "/");
  }

  @Override
  public void undeployAll() throws Exception {
    List<String> commands = new ArrayList<>();
    for (int i = appNames.size() - 1; i >= 0; i--) {
      commands.add("undeploy " + appNames.get(i));
    }
    commands.add("undeploy --cascade=true " + RAR_NAME.replaceFirst("\\.rar$", ""));
    runCommandFile(Files.write(workDir.resolve("undeploy.asadmin"), commands, StandardCharsets.UTF_8));
  }

  /**
   * Runs an asadmin command file in the running server ({@link PayaraMicroControl}) from a copy in the work directory.
   *
   * @throws IllegalStateException if a command fails or the file is not run in time
   */
  private void runCommandFile(Path commands) throws IOException, InterruptedException {
    // A copy, so that the results file is written beside it, never beside a recipe in the source tree.
    Path file = Files.copy(commands, workDir.resolve("run-" + commands.getFileName()),
        StandardCopyOption.REPLACE_EXISTING);
    long expected = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
        .filter(line -> !line.isBlank() && !line.startsWith("#")).count();
    Path result = Path.of(file + ".result");
    Files.deleteIfExists(result);
    process.send(file.toString());
    long deadline = System.nanoTime() + COMMAND_TIMEOUT.toNanos();
    while (!Files.exists(result)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Payara ran no " + commands.getFileName() + " within " + COMMAND_TIMEOUT
            + "; see " + process.log());
      }
      Thread.sleep(100);
    }
    List<String> outcomes = Files.readAllLines(result, StandardCharsets.UTF_8);
    if (outcomes.size() != expected || !outcomes.stream().allMatch(line -> line.startsWith("SUCCESS "))) {
      throw new IllegalStateException(commands.getFileName() + " failed on " + name() + ": " + outcomes);
    }
  }

  private static List<String> jars(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(file -> file.toString().endsWith(".jar")).map(Path::toString).sorted().toList();
    }
  }

  @Override
  public void close() {
    if (process != null) {
      process.close();
    }
  }

  /**
   * What {@code java -jar payara-micro.jar} would open from the jar's manifest (Add-Opens, Add-Exports); a main class
   * on the class path gets none of it unless told.
   */
  private List<String> openedPackages() throws IOException {
    List<String> options = new ArrayList<>();
    try (JarFile jar = new JarFile(payaraJar.toFile())) {
      Attributes manifest = jar.getManifest().getMainAttributes();
      addAll(options, "--add-opens", manifest.getValue("Add-Opens"));
      addAll(options, "--add-exports", manifest.getValue("Add-Exports"));
    }
    return options;
  }

  private static void addAll(List<String> options, String option, String packages) {
    if (packages != null) {
      for (String modulePackage : packages.trim().split("\\s+")) {
        options.add(option + "=" + modulePackage + "=ALL-UNNAMED");
      }
    }
  }
}
