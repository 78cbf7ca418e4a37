package dev.alloydb.jakarta.servers.liberty;

import dev.alloydb.jakarta.servers.ServerSetup;
import dev.alloydb.jakarta.servers.ServerUnderTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Open Liberty run from an unpacked {@code openliberty-runtime} zip as its README recipe says: a server
 * {@value #SERVER} in a user directory of its own under the work directory, with the recipe's {@code server.xml} and
 * {@code alloydb.xml} copied verbatim, the .rar in {@code usr/shared/resources}, and a {@code server.env} with the
 * recipe's keys holding this setup's values (the adapter's MicroProfile Config keys as environment variables, the
 * IAM user, a free HTTP port). Wars go to {@code dropins} once the adapter is installed; the sample opens its first
 * connection while it starts. Undeploying removes them and empties {@code alloydb.xml}, each time waiting for
 * Liberty's own message that the application or the adapter stopped.
 */
public final class OpenLibertyServer implements ServerUnderTest {

  static final String SERVER = "alloydb";
  private static final String RA_ID = "alloydb";
  private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(4);
  private static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(3);
  private static final Duration STOP_TIMEOUT = Duration.ofMinutes(2);
  /** Messages that mean a deployment or the server failed (application, adapter, configuration, kernel). */
  private static final List<String> FAILURES = List.of("CWWKZ0002E", "CWWKZ0004E", "CWWKZ0005E", "J2CA7002E",
      "CWWKF0001E", "CWWKE0005E", "CWWKG0014E");

  private final Path wlp;
  private final Path recipes;
  private final Optional<Path> nativePoolJars;
  private Process process;
  private LibertyConsole console;
  private Path serverDir;
  private Path userDir;
  private Path javaHome;
  private URI baseUri;
  private Duration bootTime;
  private Thread killer;
  private final List<String> deployed = new ArrayList<>();

  /**
   * @param wlp the unpacked runtime's {@code wlp} directory
   * @param recipes the recipe directory ({@code src/servers/recipes/liberty})
   * @param nativePoolJars if present, the jars of Liberty's own pool (pgjdbc and connector-lib's single jar): the
   *     server then also gets the recipe's {@code alloydb-native.xml} in {@code configDropins/overrides}
   */
  public OpenLibertyServer(Path wlp, Path recipes, Optional<Path> nativePoolJars) {
    this.wlp = wlp.toAbsolutePath();
    this.recipes = recipes.toAbsolutePath();
    this.nativePoolJars = nativePoolJars;
  }

  @Override
  public String name() {
    return "Open Liberty " + version();
  }

  @Override
  public void start(ServerSetup setup) throws Exception {
    javaHome = setup.javaHome();
    userDir = deleteTree(setup.workDir().toAbsolutePath().resolve("liberty-usr"));
    serverDir = userDir.resolve("servers").resolve(SERVER);
    Files.createDirectories(serverDir.resolve("dropins"));
    Path shared = Files.createDirectories(userDir.resolve("shared").resolve("resources"));
    Files.copy(setup.rar(), shared.resolve("alloydb-connector.rar"), StandardCopyOption.REPLACE_EXISTING);
    for (String recipe : List.of("server.xml", "alloydb.xml")) {
      Files.copy(recipes.resolve(recipe), serverDir.resolve(recipe));
    }
    if (nativePoolJars.isPresent()) {
      installNativePool(nativePoolJars.get(), shared.resolve("alloydb-jdbc"));
    }
    int port = freePort();
    Files.write(serverDir.resolve("server.env"), serverEnv(setup.alloydbConfig(), port), StandardCharsets.UTF_8);
    baseUri = URI.create("http://127.0.0.1:" + port + "/");

    long launched = System.nanoTime();
    process = command("run").redirectErrorStream(true).start();
    killer = new Thread(this::kill, "liberty-killer");
    Runtime.getRuntime().addShutdownHook(killer);
    console = LibertyConsole.follow(process.getInputStream(), setup.workDir().resolve("liberty-console.log"));
    console.await(0, line -> line.contains("CWWKF0011I"), this::failed, BOOT_TIMEOUT, "server start");
    bootTime = Duration.ofNanos(System.nanoTime() - launched);
    // Liberty may report itself started while the adapter is still installing (J2CA7022W): wait for that too.
    console.await(0, line -> line.contains("J2CA7001I") && line.contains(" " + RA_ID + " "), this::failed,
        BOOT_TIMEOUT, "install of resource adapter " + RA_ID);
    System.out.printf("%s: started in %d ms (launch to CWWKF0011I), resource adapter installed%n", name(),
        bootTime.toMillis());
    for (Path war : setup.wars()) {
      deploy(war);
    }
  }

  private void installNativePool(Path jars, Path library) throws IOException {
    Files.createDirectories(library);
    try (Stream<Path> files = Files.list(jars)) {
      for (Path jar : files.filter(file -> file.toString().endsWith(".jar")).toList()) {
        Files.copy(jar, library.resolve(jar.getFileName()));
      }
    }
    Path overrides = Files.createDirectories(serverDir.resolve("configDropins").resolve("overrides"));
    Files.copy(recipes.resolve("alloydb-native.xml"), overrides.resolve("alloydb-native.xml"));
  }

  /** Copies {@code war} into {@code dropins} and waits until Liberty says the application started. */
  void deploy(Path war) throws Exception {
    String file = war.getFileName().toString();
    String application = file.substring(0, file.length() - ".war".length());
    int mark = console.mark();
    Path staged = serverDir.resolve(file + ".part");
    Files.copy(war, staged, StandardCopyOption.REPLACE_EXISTING);
    // Moved in one step, so that the dropins monitor never sees half a war.
    Files.move(staged, serverDir.resolve("dropins").resolve(file), StandardCopyOption.ATOMIC_MOVE);
    console.await(mark, line -> line.contains("CWWKZ0001I") && line.contains(" " + application + " "),
        this::failed, DEPLOY_TIMEOUT, "start of application " + application);
    deployed.add(file);
  }

  @Override
  public URI baseUri() {
    return baseUri;
  }

  /** Time from launching {@code server run} to Liberty's "server started" message (CWWKF0011I). */
  Duration bootTime() {
    return bootTime;
  }

  /** Liberty's messages log. */
  Path messagesLog() {
    return serverDir.resolve("logs").resolve("messages.log");
  }

  @Override
  public void undeployAll() throws Exception {
    for (String file : List.copyOf(deployed)) {
      undeploy(file);
    }
    int mark = console.mark();
    // What a user does to remove the adapter and its pools: the included file keeps no resource.
    Files.writeString(serverDir.resolve("alloydb.xml"), "<server/>\n", StandardCharsets.UTF_8);
    console.await(mark, line -> line.contains("J2CA7009I") && line.contains(" " + RA_ID + " "), this::failed,
        DEPLOY_TIMEOUT, "uninstall of resource adapter " + RA_ID);
  }

  /** Puts the recipe's {@code alloydb.xml} back after {@link #undeployAll()}; waits until the adapter is installed. */
  void reinstallAdapter() throws Exception {
    int mark = console.mark();
    Files.copy(recipes.resolve("alloydb.xml"), serverDir.resolve("alloydb.xml"), StandardCopyOption.REPLACE_EXISTING);
    console.await(mark, line -> line.contains("J2CA7001I") && line.contains(" " + RA_ID + " "), this::failed,
        DEPLOY_TIMEOUT, "install of resource adapter " + RA_ID);
  }

  /** Removes the war {@code file} from {@code dropins} and waits until Liberty says the application stopped. */
  private void undeploy(String file) throws Exception {
    String application = file.substring(0, file.length() - ".war".length());
    int mark = console.mark();
    Files.delete(serverDir.resolve("dropins").resolve(file));
    console.await(mark, line -> line.contains("CWWKZ0009I") && line.contains(" " + application + " "),
        this::failed, DEPLOY_TIMEOUT, "stop of application " + application);
    deployed.remove(file);
  }

  @Override
  public void close() {
    if (process == null) {
      return;
    }
    try {
      if (process.isAlive()) {
        Process stop = command("stop").redirectErrorStream(true)
            .redirectOutput(serverDir.resolve("server-stop.log").toFile()).start();
        if (!stop.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
          stop.destroyForcibly();
        }
        process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (IOException e) {
      // The stop command could not run: the kill below still ends the server.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      kill();
      try {
        Runtime.getRuntime().removeShutdownHook(killer);
      } catch (IllegalStateException e) {
        // The JVM is already shutting down and runs the hook itself.
      }
      process = null;
    }
  }

  /** Ends the server's processes at once, if any is left (also the JVM's shutdown hook). */
  private void kill() {
    Process running = process;
    if (running == null) {
      return;
    }
    running.descendants().forEach(ProcessHandle::destroyForcibly);
    running.destroyForcibly();
    try {
      running.onExit().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      // Reported by the caller's own check that no process is left.
    }
  }

  /** The server's process and its descendants while it runs. */
  List<ProcessHandle> processes() {
    Process running = process;
    if (running == null) {
      return List.of();
    }
    List<ProcessHandle> all = new ArrayList<>();
    all.add(running.toHandle());
    running.descendants().forEach(all::add);
    return all.stream().filter(ProcessHandle::isAlive).toList();
  }

  private boolean failed(String line) {
    return FAILURES.stream().anyMatch(line::contains);
  }

  private ProcessBuilder command(String action) {
    ProcessBuilder builder = new ProcessBuilder(wlp.resolve("bin").resolve("server").toString(), action, SERVER)
        .directory(serverDir.toFile());
    builder.environment().put("WLP_USER_DIR", userDir.toString());
    builder.environment().put("JAVA_HOME", javaHome.toString());
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    return builder;
  }

  /**
   * The recipe's {@code server.env} keys with this setup's values: every {@code alloydb.*} MicroProfile Config key
   * under its environment name (so {@code alloydb.iam-user} is the recipe's {@code ALLOYDB_IAM_USER}), and the HTTP
   * port.
   */
  static List<String> serverEnv(Map<String, String> config, int port) {
    Map<String, String> environment = new LinkedHashMap<>();
    config.forEach((key, value) -> environment.put(environmentName(key), value));
    environment.put("DEFAULT_HTTP_PORT", Integer.toString(port));
    List<String> lines = new ArrayList<>();
    lines.add("# Written by OpenLibertyServer for the local AlloyDB emulator; same keys as the recipe's server.env");
    environment.forEach((name, value) -> lines.add(name + "=" + value));
    return lines;
  }

  /** MicroProfile Config's environment name of {@code key}: upper case, every non-alphanumeric character {@code _}. */
  static String environmentName(String key) {
    return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
  }

  private String version() {
    Path properties = wlp.resolve("lib").resolve("versions").resolve("openliberty.properties");
    try (Stream<String> lines = Files.lines(properties)) {
      return lines.filter(line -> line.startsWith("com.ibm.websphere.productVersion="))
          .map(line -> line.substring(line.indexOf('=') + 1)).findFirst().orElse("(unknown version)");
    } catch (IOException e) {
      return "(unknown version)";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static Path deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    return dir;
  }
}
