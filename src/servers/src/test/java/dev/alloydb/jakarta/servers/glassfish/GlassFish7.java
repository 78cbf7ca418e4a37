package dev.alloydb.jakarta.servers.glassfish;

import dev.alloydb.jakarta.servers.ServerSetup;
import dev.alloydb.jakarta.servers.ServerUnderTest;
import dev.alloydb.jakarta.testkit.payara.PayaraMicroProcess;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * GlassFish 7 driven by its own {@code asadmin}: a new domain under the work directory (free ports from one
 * {@code --portbase}, listeners on 127.0.0.1); the adapter's settings as domain system properties and the password
 * as a password alias (a standalone .rar does not see GlassFish's MicroProfile Config), then the recipe
 * {@code recipes/glassfish/alloydb.asadmin} run as is ({@code multimode --file}) beside the .rar, then the wars
 * deployed. Undeploys and stops with asadmin; {@link #close()} also ends the domain's process
 * if {@code stop-domain} did not. With the native pool's jars, the recipe {@code alloydb-native.asadmin} (GlassFish's
 * own JDBC pool {@code jdbc/alloydb-native}) runs after {@code alloydb.asadmin} beside those jars, and the domain is
 * restarted (stopped and started) as that recipe says.
 */
public final class GlassFish7 implements ServerUnderTest {

  static final String RAR_NAME = "alloydb-connector.rar";
  static final String RECIPE = "alloydb.asadmin";
  static final String NATIVE_RECIPE = "alloydb-native.asadmin";
  /** The setting that goes into the password alias {@value #PASSWORD_ALIAS} instead of a system property. */
  static final String PASSWORD_KEY = "alloydb.password";
  static final String PASSWORD_ALIAS = "alloydb-password";
  private static final String DOMAIN = "alloydb";
  /** Offsets from --portbase that create-domain gives GlassFish's listeners (admin 48, HTTP 80, HTTPS 81, ...). */
  private static final int[] PORT_OFFSETS = {9, 37, 38, 39, 48, 66, 76, 80, 81, 86};
  private static final int HTTP_OFFSET = 80;
  private static final int ADMIN_OFFSET = 48;
  private static final Duration SHORT = Duration.ofMinutes(3);
  private static final Duration LONG = Duration.ofMinutes(10);

  private final Path glassFishHome;
  private final String version;
  private final Path recipe;
  private final Optional<Path> nativePoolJars;
  private Asadmin asadmin;
  private Path domains;
  private int portBase;
  private long pid;
  private List<String> appNames = List.of();
  private boolean stopped;

  /**
   * @param glassFishHome the unpacked distribution's {@code glassfish7} directory
   * @param version its version, for reports
   * @param recipe the recipe directory ({@code recipes/glassfish})
   */
  public GlassFish7(Path glassFishHome, String version, Path recipe) {
    this(glassFishHome, version, recipe, Optional.empty());
  }

  /**
   * @param nativePoolJars if present, the directory of the native pool's jars (pgjdbc and connector-lib's single
   *     jar): the domain then also gets GlassFish's own JDBC pool from the recipe {@value #NATIVE_RECIPE}
   */
  public GlassFish7(Path glassFishHome, String version, Path recipe, Optional<Path> nativePoolJars) {
    this.glassFishHome = glassFishHome.toAbsolutePath();
    this.version = version;
    this.recipe = recipe.toAbsolutePath();
    this.nativePoolJars = nativePoolJars.map(Path::toAbsolutePath);
  }

  @Override
  public String name() {
    return "GlassFish " + version;
  }

  @Override
  public void start(ServerSetup setup) throws Exception {
    Path workDir = Files.createDirectories(setup.workDir());
    Files.deleteIfExists(workDir.resolve("asadmin.log"));
    Files.copy(setup.rar(), workDir.resolve(RAR_NAME), StandardCopyOption.REPLACE_EXISTING);
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("AS_JAVA", setup.javaHome().toString());
    // asadmin gives up on a booting domain after 60 s by default; a loaded 2-core machine needs longer.
    environment.put("AS_START_TIMEOUT", Long.toString(LONG.toMillis()));
    asadmin = new Asadmin(glassFishHome, workDir, environment);
    domains = PayaraMicroProcess.deleteTree(workDir.resolve("domains"));
    portBase = freePortBase();
    Runtime.getRuntime().addShutdownHook(new Thread(this::close, "glassfish-stop-" + portBase));

    asadmin.run(LONG, List.of("create-domain", "--domaindir", domains.toString(), "--portbase",
        Integer.toString(portBase), "--nopassword=true", "--checkports=true", DOMAIN));
    bindToLoopback(domains.resolve(DOMAIN).resolve("config").resolve("domain.xml"));
    asadmin.run(LONG, List.of("start-domain", "--domaindir", domains.toString(), DOMAIN));
    pid = Long.parseLong(Files.readString(domains.resolve(DOMAIN).resolve("config").resolve("pid")).trim());

    remote(List.of("create-system-properties", systemProperties(setup.alloydbConfig())));
    Path aliasFile = workDir.resolve("alias-password.txt");
    Files.writeString(aliasFile, "AS_ADMIN_ALIASPASSWORD=" + setup.alloydbConfig().get(PASSWORD_KEY) + "\n",
        StandardCharsets.UTF_8);
    try {
      remote(List.of("--passwordfile", aliasFile.toString(), "create-password-alias", PASSWORD_ALIAS));
    } finally {
      Files.delete(aliasFile);
    }
    String recipeOutput = remote(List.of("multimode", "--file", recipe.resolve(RECIPE).toString()));
    if (recipeOutput.contains("remote failure:")) {
      // multimode reports success even when one of its commands failed.
      throw new IllegalStateException("a command of " + RECIPE + " failed: " + recipeOutput);
    }
    if (nativePoolJars.isPresent()) {
      addNativePool(workDir, nativePoolJars.get());
    }
    List<String> names = new ArrayList<>();
    for (Path war : setup.wars()) {
      remote(List.of("deploy", war.toString()));
      names.add(war.getFileName().toString().replaceFirst("\\.war$", ""));
    }
    appNames = List.copyOf(names);
  }

  @Override
  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + (portBase + HTTP_OFFSET) + "/");
  }

  @Override
  public void undeployAll() throws Exception {
    for (int i = appNames.size() - 1; i >= 0; i--) {
      remote(List.of("undeploy", appNames.get(i)));
    }
    remote(List.of("undeploy", "--cascade=true", RAR_NAME.replaceFirst("\\.rar$", "")));
  }

  @Override
  public synchronized void close() {
    if (stopped || asadmin == null) {
      return;
    }
    stopped = true;
    try {
      asadmin.run(SHORT, List.of("stop-domain", "--domaindir", domains.toString(), DOMAIN));
    } catch (IOException | RuntimeException e) {
      System.err.println("stop-domain failed; ending the domain's process: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (pid != 0) {
      ProcessHandle.of(pid).ifPresent(process -> {
        process.destroyForcibly();
        process.onExit().orTimeout(SHORT.toMillis(), TimeUnit.MILLISECONDS).join();
      });
    }
  }

  /** Runs the native pool's recipe from the work directory, holding its jars, then stops and starts the domain. */
  private void addNativePool(Path workDir, Path jars) throws IOException, InterruptedException {
    try (Stream<Path> files = Files.list(jars)) {
      for (Path jar : files.filter(file -> file.toString().endsWith(".jar")).toList()) {
        Files.copy(jar, workDir.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    String output = remote(List.of("multimode", "--file", recipe.resolve(NATIVE_RECIPE).toString()));
    if (output.contains("remote failure:")) {
      throw new IllegalStateException("a command of " + NATIVE_RECIPE + " failed: " + output);
    }
    // Stopped and started rather than restart-domain, whose new process did not always come up on a loaded machine.
    asadmin.run(LONG, List.of("stop-domain", "--domaindir", domains.toString(), DOMAIN));
    asadmin.run(LONG, List.of("start-domain", "--domaindir", domains.toString(), DOMAIN));
    pid = restartedPid();
  }

  /** The restarted domain's process id: its pid file may appear a moment after restart-domain returns. */
  private long restartedPid() throws IOException, InterruptedException {
    Path file = domains.resolve(DOMAIN).resolve("config").resolve("pid");
    long deadline = System.nanoTime() + SHORT.toNanos();
    while (!Files.exists(file)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the restarted domain wrote no " + file + " within " + SHORT);
      }
      Thread.sleep(200);
    }
    return Long.parseLong(Files.readString(file).trim());
  }

  private String remote(List<String> arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("--host", "127.0.0.1", "--port",
        Integer.toString(portBase + ADMIN_OFFSET)));
    command.addAll(arguments);
    return asadmin.run(LONG, command);
  }

  /**
   * {@code create-system-properties}' argument for every setting but the password: {@code name=value} joined by
   * colons, each colon in a value escaped.
   */
  static String systemProperties(Map<String, String> settings) {
    List<String> properties = new ArrayList<>();
    settings.forEach((key, value) -> {
      if (!key.equals(PASSWORD_KEY)) {
        properties.add(key + "=" + value.replace(":", "\\:"));
      }
    });
    return String.join(":", properties);
  }

  /** Listeners of the new domain on 127.0.0.1 instead of every address (test setup, not part of the recipe). */
  private static void bindToLoopback(Path domainXml) throws IOException {
    String xml = Files.readString(domainXml, StandardCharsets.UTF_8)
        .replace("address=\"0.0.0.0\"", "address=\"127.0.0.1\"")
        .replaceAll("<network-listener (?![^>]*address=)", "<network-listener address=\"127.0.0.1\" ");
    Files.writeString(domainXml, xml, StandardCharsets.UTF_8);
  }

  /** A --portbase whose listener ports are all free now on 127.0.0.1. */
  private static int freePortBase() throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      int base = ThreadLocalRandom.current().nextInt(200, 600) * 100;
      if (allFree(base)) {
        return base;
      }
    }
    throw new IllegalStateException("found no --portbase with free ports");
  }

  private static boolean allFree(int base) {
    for (int offset : PORT_OFFSETS) {
      try (ServerSocket socket = new ServerSocket(base + offset, 1, InetAddress.getByName("0.0.0.0"))) {
        socket.setReuseAddress(true);
      } catch (IOException taken) {
        return false;
      }
    }
    return true;
  }
}
