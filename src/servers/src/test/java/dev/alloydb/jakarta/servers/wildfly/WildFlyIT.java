package dev.alloydb.jakarta.servers.wildfly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alloydb.jakarta.emulator.AlloyDbEmulator;
import dev.alloydb.jakarta.servers.ScenarioSuite;
import dev.alloydb.jakarta.servers.ServerUnderTest;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The scenario suite on WildFly 39 (JDK 17), booted once from the README's recipe ({@link WildFlyServer}), plus
 * what is particular to WildFly: the sample's README requests through the Payara-style name {@code jdbc/alloydb}
 * (the recipe's jboss-web.xml overlay), {@code @Resource} injection of the WildFly names, the IAM pool configured
 * by MicroProfile Config but for its user, the modules that give the standalone .rar MicroProfile Config, refresh
 * Work inside IronJacamar's WorkManager and the pool statistics the recipe turns on. These run before the suite's
 * last scenario, which undeploys everything.
 */
class WildFlyIT extends ScenarioSuite {

  private static final String SAMPLE = "alloydb-sample/api/";
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final AlloyDbEmulator emulator = AlloyDbEmulator.shared();
  private WildFlyServer wildFly;

  @Override
  protected ServerUnderTest server() {
    wildFly = new WildFlyServer(Path.of(System.getProperty("servers.wildfly.home")),
        Path.of(System.getProperty("servers.recipes"), "wildfly"));
    return wildFly;
  }

  /** Runs before the suite's own stop, which then finds the server stopped already. */
  @AfterAll
  void stopLeavesNoProcess() {
    long jvm = wildFly.serverPid();
    wildFly.close();
    assertThat(ProcessHandle.of(jvm).filter(ProcessHandle::isAlive)).as("WildFly's JVM after close()").isEmpty();
  }

  @Test
  @Order(1)
  void sampleAnswersItsReadmeRequestsThroughThePayaraStyleName() throws Exception {
    System.out.printf("%s booted in %d ms (launch to WFLYSRV0025, before the recipe)%n", wildFly.name(),
        wildFly.bootTime().toMillis());
    assertThat(get(SAMPLE + "database").body())
        .contains("\"database\":\"postgres\"", "\"user\":\"" + emulator.passwordUser() + "\"");
    assertThat(post(SAMPLE + "items", "{\"id\":\"wf1\",\"title\":\"WildFly One\"}").body())
        .isEqualTo("{\"id\":\"wf1\",\"title\":\"WildFly One\"}");
    assertThat(get(SAMPLE + "items/wf1").body()).isEqualTo("{\"id\":\"wf1\",\"title\":\"WildFly One\"}");

    HttpResponse<String> duplicate = post(SAMPLE + "items/batch",
        "[{\"id\":\"wf2\",\"title\":\"WildFly Two\"},{\"id\":\"wf1\",\"title\":\"WildFly One again\"}]");
    assertThat(duplicate.statusCode()).isEqualTo(409);
    assertThat(duplicate.body()).contains("an item with id 'wf1' already exists; nothing was stored");
    // The container transaction rolled the batch back: wf2 was inserted first and is gone again.
    assertThat(get(SAMPLE + "items/wf2").statusCode()).isEqualTo(404);
    assertThat(get(SAMPLE + "items").body()).contains("{\"id\":\"wf1\",\"title\":\"WildFly One\"}")
        .doesNotContain("wf2");
  }

  @Test
  @Order(2)
  void wildFlyNamesAreInjectedAndTheIamPoolTakesItsSettingsFromMicroProfileConfig() throws Exception {
    Path probe = Files.createDirectories(workDir().resolve("wars")).resolve("login-probe.war");
    ShrinkWrap.create(WebArchive.class, "login-probe.war").addClass(LoginProbeServlet.class)
        .as(ZipExporter.class).exportTo(probe.toFile(), true);
    wildFly.cli().run(List.of("deploy " + probe.toAbsolutePath()));
    try {
      // alloydb.cli gives the IAM pool only enableIamAuth and user: instance URI, Admin API endpoint and
      // credentials file come from alloydb.properties through MicroProfile Config.
      HttpResponse<String> iam = get("login-probe/login?pool=iam");
      assertThat(iam.statusCode()).as(iam.body()).isEqualTo(200);
      assertThat(iam.body()).isEqualTo(emulator.iamUser());
      // The password pool has no property at all; its password comes from ALLOYDB_PASSWORD.
      assertThat(get("login-probe/login?pool=password").body()).isEqualTo(emulator.passwordUser());
    } finally {
      wildFly.cli().run(List.of("undeploy login-probe.war"));
    }
  }

  @Test
  @Order(3)
  void microProfileConfigSubsystemGivesTheStandaloneRarTheConfigApi() throws Exception {
    // What lets the adapter read alloydb.* keys: the microprofile-config-smallrye subsystem (standalone.xml) adds
    // these modules to every deployment, the .rar included; the .rar bundles no MicroProfile Config of its own.
    String modules = wildFly.cli().run(List.of("/deployment=" + WildFlyServer.RAR_NAME + ":list-modules"));
    assertThat(modules).contains("\"org.eclipse.microprofile.config.api\"", "\"io.smallrye.config\"");
  }

  @Test
  @Order(4)
  void refreshWorkRunsInsideIronJacamarsWorkManager() throws Exception {
    ThreadDump dump = ThreadDump.of(javaHome(), wildFly.serverPid());
    List<ThreadDump.ServerThread> adapterWork = dump.running("dev.alloydb.jakarta.ra.work.");
    assertThat(adapterWork).isNotEmpty().allSatisfy(thread -> {
      assertThat(thread.stack()).contains("org.jboss.jca.core.workmanager.WorkWrapper.run");
      // The jca subsystem's default-workmanager threads.
      assertThat(thread.name()).startsWith("default-threads");
    });
  }

  @Test
  @Order(5)
  void poolStatisticsCountTheConnectionsItCreated() throws Exception {
    // statistics-enabled=true on the resource adapter (alloydb.cli) turns on its pools' statistics.
    String statistics = wildFly.cli().run(List.of("/subsystem=resource-adapters/resource-adapter=alloydb"
        + "/connection-definitions=alloydb/statistics=pool:read-attribute(name=CreatedCount)"));
    assertThat(statistics).containsPattern("\"result\" => [1-9]");
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(wildFly.baseUri().resolve(path)).timeout(Duration.ofSeconds(60))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(wildFly.baseUri().resolve(path)).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
