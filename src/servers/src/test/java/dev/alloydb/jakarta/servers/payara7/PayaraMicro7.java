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
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;

/**
 * Payara Micro 7 (Jakarta EE 11) booted with the recipe {@code recipes/payara7}: the .rar beside the post-boot file
 * as {@value #RAR_NAME}, the settings in {@code alloydb.properties} ({@code --systemproperties}, read through
 * MicroProfile Config), the wars as {@code --deploy}. Undeploys with Payara's own command runner
 * ({@link PayaraMicroControl}).
 */
public final class PayaraMicro7 implements ServerUnderTest {

  static final String RAR_NAME = "alloydb-connector.rar";
  private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(4);
  private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);

  private final Path payaraJar;
  private final String version;
  private final Path recipe;
  private PayaraMicroProcess process;
  private Path workDir;
  private List<String> appNames = List.of();

  /**
   * @param payaraJar {@code payara-micro.jar} of a 7.x release
   * @param version its version, for reports
   * @param recipe the recipe directory ({@code recipes/payara7})
   */
  public PayaraMicro7(Path payaraJar, String version, Path recipe) {
    this.payaraJar = payaraJar.toAbsolutePath();
    this.version = version;
    this.recipe = recipe.toAbsolutePath();
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
    Path file = workDir.resolve("undeploy.asadmin");
    Path result = Path.of(file + ".result");
    Files.deleteIfExists(result);
    Files.write(file, commands, StandardCharsets.UTF_8);
    process.send(file.toString());
    long deadline = System.nanoTime() + COMMAND_TIMEOUT.toNanos();
    while (!Files.exists(result)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Payara ran no undeploy within " + COMMAND_TIMEOUT + "; see " + process.log());
      }
      Thread.sleep(100);
    }
    List<String> outcomes = Files.readAllLines(result, StandardCharsets.UTF_8);
    if (outcomes.size() != commands.size() || !outcomes.stream().allMatch(line -> line.startsWith("SUCCESS "))) {
      throw new IllegalStateException("undeploy failed on " + name() + ": " + outcomes);
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
