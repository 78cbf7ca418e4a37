package dev.alloydb.jakarta.testkit.payara;

import dev.alloydb.jakarta.emulator.AlloyDbEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Payara Micro options and a post-boot asadmin file for tests against an {@link AlloyDbEmulator}.
 *
 * <p>The post-boot file deploys the .rar as {@value #RA_NAME} and then creates three pools and their resources
 * (post-boot runs before the test war is deployed, so {@code @Resource(lookup=...)} validates):
 * <ul>
 *   <li>{@value #PASSWORD_JNDI}: password login, every property explicit except the password (MicroProfile
 *       Config {@code alloydb.password}), connection validation on;</li>
 *   <li>{@value #IAM_JNDI}: IAM login; only {@code enableIamAuth} and {@code user} (as
 *       {@code ${MPCONFIG=alloydb.iam-user}}, expanded by Payara) are pool properties, the rest comes from
 *       MicroProfile Config;</li>
 *   <li>{@value #CONFIG_JNDI}: no pool property at all (everything from MicroProfile Config), one connection,
 *       no validation (so a broken connection is only noticed through its error event).</li>
 * </ul>
 * MicroProfile Config values are JVM system properties of the Payara process (see {@link #jvmOptions()}); the
 * emulator's users are also published there as {@value #IAM_USER_PROPERTY} and {@value #PASSWORD_USER_PROPERTY}.
 *
 * <p>{@link #forApplication} instead runs an application's own post-boot file, as its users would.
 */
public final class PayaraBootFiles {

  /** Resource-adapter name of the deployed .rar. */
  public static final String RA_NAME = "alloydb-connector";
  /** JNDI name of the password-login pool with explicit properties. */
  public static final String PASSWORD_JNDI = "jdbc/alloydb";
  /** JNDI name of the IAM-login pool. */
  public static final String IAM_JNDI = "jdbc/alloydb-iam";
  /** JNDI name of the pool configured by MicroProfile Config only. */
  public static final String CONFIG_JNDI = "jdbc/alloydb-config";
  /** System property (in Payara) holding the emulator's IAM database user. */
  public static final String IAM_USER_PROPERTY = "alloydb.iam-user";
  /** MicroProfile Config's environment name for {@code alloydb.password}; the build sets it for the ITs. */
  public static final String PASSWORD_ENVIRONMENT_VARIABLE = "ALLOYDB_PASSWORD";
  /** System property (in Payara) holding the emulator's password database user. */
  public static final String PASSWORD_USER_PROPERTY = "alloydb.it.password-user";

  private final Path postBootFile;
  private final Path rootDir;
  private final Map<String, String> systemProperties;
  private final Path settingsFile;

  private PayaraBootFiles(Path postBootFile, Path rootDir, Map<String, String> systemProperties, Path settingsFile) {
    this.postBootFile = postBootFile;
    this.rootDir = rootDir;
    this.systemProperties = systemProperties;
    this.settingsFile = settingsFile;
  }

  /**
   * Boot files for an application's own post-boot file (the sample's {@code post-boot-commands.asadmin}, which
   * deploys the .rar and creates its pool), run as is: the emulator's settings go in a {@code --systemproperties}
   * file ({@link EmulatorProperties}) in {@code workDir}, as a user's {@code alloydb.properties} would.
   */
  public static PayaraBootFiles forApplication(AlloyDbEmulator emulator, Path postBootFile, Path workDir)
      throws IOException {
    Path dir = workDir.toAbsolutePath();
    Path settings = EmulatorProperties.write(emulator, dir.resolve("emulator.properties"),
        "Written by the test kit for the local AlloyDB emulator; same keys as alloydb.properties");
    return new PayaraBootFiles(postBootFile.toAbsolutePath(), PayaraMicroProcess.deleteTree(dir.resolve("root")),
        Map.of(), settings);
  }

  /**
   * Writes the post-boot file into {@code workDir}.
   *
   * @param rar the built {@code alloydb-connector.rar}
   * @param extraCommands asadmin commands appended after the built-in ones
   */
  public static PayaraBootFiles write(AlloyDbEmulator emulator, Path rar, Path workDir, List<String> extraCommands)
      throws IOException {
    Path dir = workDir.toAbsolutePath();
    Files.createDirectories(dir);
    // Payara Micro redeploys at boot every application its root directory remembers: start from an empty one, so
    // that one test class's war is not booted again under the next one.
    PayaraMicroProcess.deleteTree(dir.resolve("root"));
    Map<String, String> config = new LinkedHashMap<>();
    config.put("alloydb.instance-uri", emulator.instance().uri());
    config.put("alloydb.user", emulator.passwordUser());
    if (!emulator.password().equals(System.getenv(PASSWORD_ENVIRONMENT_VARIABLE))) {
      // Payara inherits the environment; only a password it would not find there goes on its command line.
      config.put("alloydb.password", emulator.password());
    }
    config.put("alloydb.admin-service-endpoint", emulator.adminApiRestEndpoint());
    config.put("alloydb.credentials-file", emulator.credentialsFile().toAbsolutePath().toString());
    config.put(IAM_USER_PROPERTY, emulator.iamUser());
    config.put(PASSWORD_USER_PROPERTY, emulator.passwordUser());

    Map<String, String> explicit = new LinkedHashMap<>();
    explicit.put("instanceUri", emulator.instance().uri());
    explicit.put("user", emulator.passwordUser());
    explicit.put("enableIamAuth", "false");
    explicit.put("ipType", "PRIVATE");
    explicit.put("adminServiceEndpoint", emulator.adminApiRestEndpoint());
    explicit.put("credentialsFile", emulator.credentialsFile().toAbsolutePath().toString());

    List<String> commands = new ArrayList<>();
    commands.add("deploy --name " + RA_NAME + " " + rar.toAbsolutePath());
    commands.add(pool("alloydb-password-pool", "--steadypoolsize 1 --maxpoolsize 4 --isconnectvalidatereq true",
        explicit));
    commands.add("create-connector-resource --poolname alloydb-password-pool " + PASSWORD_JNDI);
    commands.add(pool("alloydb-iam-pool", "--steadypoolsize 1 --maxpoolsize 4",
        Map.of("enableIamAuth", "true", "user", "${MPCONFIG=" + IAM_USER_PROPERTY + "}")));
    commands.add("create-connector-resource --poolname alloydb-iam-pool " + IAM_JNDI);
    commands.add(pool("alloydb-config-pool", "--steadypoolsize 1 --maxpoolsize 1", Map.of()));
    commands.add("create-connector-resource --poolname alloydb-config-pool " + CONFIG_JNDI);
    commands.addAll(extraCommands);

    Path postBoot = dir.resolve("post-boot.asadmin");
    Files.write(postBoot, commands);
    return new PayaraBootFiles(postBoot, dir.resolve("root"), config, null);
  }

  /**
   * JVM options for the Payara process (Arquillian {@code cmdOptions}): the MicroProfile Config values, and
   * {@code java.sql} and {@code java.security}
   * opened for reflection.
   */
  public String jvmOptions() {
    // Lets a test read DriverManager's registrations and threads' inherited access-control contexts, to prove an
    // undeployed adapter left neither behind.
    StringBuilder options = new StringBuilder(
        "--add-opens java.sql/java.sql=ALL-UNNAMED --add-opens java.base/java.security=ALL-UNNAMED ");
    systemProperties.forEach((key, value) -> options.append("-D").append(key).append('=').append(value).append(' '));
    return options.toString().trim();
  }

  /**
   * Payara Micro options (Arquillian {@code extraMicroOptions}): root directory, the settings file if any, and the
   * post-boot file.
   */
  public String microOptions() {
    return "--rootdir " + rootDir + (settingsFile == null ? "" : " --systemproperties " + settingsFile)
        + " --postbootcommandfile " + postBootFile;
  }

  /** The post-boot asadmin file. */
  public Path postBootFile() {
    return postBootFile;
  }

  private static String pool(String name, String options, Map<String, String> properties) {
    return PoolCommand.of(RA_NAME, name).transactionSupport("LocalTransaction").options(options.split(" "))
        .properties(properties).line();
  }
}
