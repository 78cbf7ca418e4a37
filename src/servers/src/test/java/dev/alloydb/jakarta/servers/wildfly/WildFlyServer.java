package dev.alloydb.jakarta.servers.wildfly;

import dev.alloydb.jakarta.servers.ServerSetup;
import dev.alloydb.jakarta.servers.ServerUnderTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * WildFly (the full distribution, {@code standalone.xml}) booted as README "Deploying on WildFly" says: started
 * with {@code standalone.sh -P alloydb.properties} and {@code ALLOYDB_PASSWORD} in its environment, then configured
 * by {@code jboss-cli.sh --connect --file=alloydb.cli} run from a directory holding the .rar and the recipe files,
 * all copied verbatim from {@code src/servers/recipes/wildfly} (only {@code alloydb.properties} gets the emulator's
 * values). The wars are deployed and undeployed with the CLI too.
 *
 * <p>The distribution stays untouched: the server's base directory (configuration, data, log) is a copy under the
 * setup's work directory, on 127.0.0.1 with a port offset whose ports are all free. {@link #close} stops the
 * script and its JVM; a shutdown hook does the same if the test JVM ends first.
 *
 * <p>With the native pool's jars, {@code native-datasource.cli} (WildFly's own datasource
 * {@code java:/jdbc/alloydb-native}) runs after {@code alloydb.cli} from the same directory, holding those jars. Its
 * {@code module add} writes the module {@value #NATIVE_MODULE} into the distribution's {@code modules} directory, as it
 * does for a user; one left by an earlier run is removed first, since {@code module add} refuses an existing module.
 */
public final class WildFlyServer implements ServerUnderTest {

  /** The .rar's deployment name, as alloydb.cli deploys it. */
  static final String RAR_NAME = "alloydb-connector.rar";
  static final String NATIVE_RECIPE = "native-datasource.cli";
  /** The module native-datasource.cli adds. */
  static final String NATIVE_MODULE = "org.postgresql";
  private static final String STARTED = "WFLYSRV0025";
  private static final String STARTED_WITH_ERRORS = "WFLYSRV0026";
  private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(4);
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);

  private final Path home;
  private final Path recipes;
  private final String version;
  private final Optional<Path> nativePoolJars;
  private PortOffset ports;
  private Process script;
  private Thread shutdownHook;
  private JbossCli cli;
  private Path console;
  private List<String> deployedWars = List.of();
  private Duration bootTime;

  /**
   * @param home the unpacked distribution, named {@code wildfly-<version>}; only read
   * @param recipes {@code src/servers/recipes/wildfly}
   */
  public WildFlyServer(Path home, Path recipes) {
    this(home, recipes, Optional.empty());
  }

  /**
   * @param nativePoolJars if present, the directory of the native pool's jars (pgjdbc and connector-lib's single
   *     jar): the server then also gets WildFly's own datasource from the recipe {@value #NATIVE_RECIPE}
   */
  public WildFlyServer(Path home, Path recipes, Optional<Path> nativePoolJars) {
    this.nativePoolJars = nativePoolJars.map(Path::toAbsolutePath);
    this.home = home.toAbsolutePath();
    this.recipes = recipes.toAbsolutePath();
    // The distribution unpacks into wildfly-<version>.
    String directory = this.home.getFileName().toString();
    this.version = "WildFly " + directory.substring(directory.indexOf('-') + 1);
  }

  @Override
  public String name() {
    return version;
  }

  @Override
  public synchronized void start(ServerSetup setup) throws Exception {
    if (script != null) {
      throw new IllegalStateException(version + " is already started");
    }
    Path work = setup.workDir().toAbsolutePath();
    Path recipeDir = copyRecipe(setup, work.resolve("recipe"));
    Path baseDir = freshBaseDir(work.resolve("standalone"));
    ports = PortOffset.findFree();
    console = work.resolve("console.log");
    cli = new JbossCli(home, setup.javaHome(), ports.management(), work.resolve("cli.log"));

    List<String> command = List.of("bash", home.resolve("bin/standalone.sh").toString(),
        "-b", "127.0.0.1", "-bmanagement", "127.0.0.1",
        "-Djboss.socket.binding.port-offset=" + ports.offset(),
        "-Djboss.server.base.dir=" + baseDir,
        "-P", recipeDir.resolve("alloydb.properties").toString());
    ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
        .redirectErrorStream(true).redirectOutput(console.toFile());
    builder.environment().put("JAVA_HOME", setup.javaHome().toString());
    builder.environment().remove("JAVA_OPTS");
    // The script then forwards SIGTERM to the server's JVM and waits for it.
    builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
    String password = setup.alloydbConfig().get(SystemPropertiesFile.PASSWORD_KEY);
    if (password != null) {
      builder.environment().put(SystemPropertiesFile.PASSWORD_ENVIRONMENT_VARIABLE, password);
    }
    long begin = System.nanoTime();
    script = builder.start();
    ProcessHandle launched = script.toHandle();
    shutdownHook = new Thread(() -> ProcessTree.stop(launched, STOP_GRACE), "wildfly-stop");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    awaitStarted();
    bootTime = Duration.ofNanos(System.nanoTime() - begin);

    cli.runScript(recipeDir.resolve("alloydb.cli"), recipeDir);
    if (nativePoolJars.isPresent()) {
      addNativePool(recipeDir, nativePoolJars.get());
    }
    List<String> deploys = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Path war : setup.wars()) {
      deploys.add("deploy " + war.toAbsolutePath());
      names.add(war.getFileName().toString());
    }
    if (!deploys.isEmpty()) {
      cli.run(deploys);
    }
    deployedWars = List.copyOf(names);
  }

  /** Runs the native datasource's recipe from the recipe directory, with its jars copied there. */
  private void addNativePool(Path recipeDir, Path jars) throws IOException, InterruptedException {
    try (Stream<Path> files = Files.list(jars)) {
      for (Path jar : files.filter(file -> file.toString().endsWith(".jar")).toList()) {
        Files.copy(jar, recipeDir.resolve(jar.getFileName()));
      }
    }
    Files.copy(recipes.resolve(NATIVE_RECIPE), recipeDir.resolve(NATIVE_RECIPE));
    deleteTree(home.resolve("modules").resolve(NATIVE_MODULE.replace('.', '/')));
    cli.runScript(recipeDir.resolve(NATIVE_RECIPE), recipeDir);
  }

  /** How long the server took from launch to "started" (WFLYSRV0025), before the recipe ran. */
  public synchronized Duration bootTime() {
    return bootTime;
  }

  @Override
  public synchronized URI baseUri() {
    requireStarted();
    return URI.create("http://127.0.0.1:" + ports.http() + "/");
  }

  /** The server's CLI, for checks a test makes with WildFly's own tooling. */
  synchronized JbossCli cli() {
    requireStarted();
    return cli;
  }

  /** The process id of the server's JVM (the script's child). */
  public synchronized long serverPid() {
    requireStarted();
    return script.toHandle().descendants().filter(p -> p.info().command().orElse("").endsWith("java"))
        .findFirst().orElseThrow(() -> new IllegalStateException("WildFly's JVM is not running")).pid();
  }

  @Override
  public synchronized void undeployAll() throws Exception {
    requireStarted();
    List<String> commands = new ArrayList<>();
    deployedWars.forEach(war -> commands.add("undeploy " + war));
    commands.add("undeploy " + RAR_NAME);
    cli.run(commands);
    deployedWars = List.of();
  }

  @Override
  public synchronized void close() {
    if (script == null) {
      return;
    }
    ProcessTree.stop(script.toHandle(), STOP_GRACE);
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is already stopping and runs the hook anyway; the tree is stopped by now.
    }
    script = null;
  }

  private void awaitStarted() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      String log = Files.readString(console, StandardCharsets.UTF_8);
      if (log.contains(STARTED)) {
        return;
      }
      if (log.contains(STARTED_WITH_ERRORS) || !script.isAlive()) {
        close();
        throw new IOException(version + " did not start cleanly; see " + console);
      }
      Thread.sleep(200);
    }
    close();
    throw new IOException(version + " was not started within " + BOOT_TIMEOUT + "; see " + console);
  }

  /** The recipe files verbatim and the .rar under its deployment name, with the user's alloydb.properties. */
  private Path copyRecipe(ServerSetup setup, Path dir) throws IOException {
    deleteTree(dir);
    Files.createDirectories(dir);
    for (String file : List.of("alloydb.cli", "jboss-web.xml")) {
      Files.copy(recipes.resolve(file), dir.resolve(file));
    }
    Files.copy(setup.rar(), dir.resolve(RAR_NAME));
    SystemPropertiesFile.write(recipes.resolve("alloydb.properties"), setup.alloydbConfig(),
        dir.resolve("alloydb.properties"));
    return dir;
  }

  /** A base directory with the distribution's configuration only: no deployments or data of an earlier run. */
  private Path freshBaseDir(Path dir) throws IOException {
    deleteTree(dir);
    Path configuration = home.resolve("standalone/configuration");
    try (Stream<Path> files = Files.list(configuration)) {
      Files.createDirectories(dir.resolve("configuration"));
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.copy(file, dir.resolve("configuration").resolve(file.getFileName()),
            StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
    Files.createDirectories(dir.resolve("deployments"));
    return dir;
  }

  private void requireStarted() {
    if (script == null) {
      throw new IllegalStateException(version + " is not started");
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(path -> {
        try {
          Files.delete(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
