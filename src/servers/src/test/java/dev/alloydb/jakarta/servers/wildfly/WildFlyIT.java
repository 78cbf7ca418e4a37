package dev.alloydb.jakarta.servers.wildfly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alloydb.jakarta.emulator.AlloyDbEmulator;
import dev.alloydb.jakarta.servers.ServerSetup;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The resource adapter on WildFly, booted once from the README's recipe ({@link WildFlyServer}) against the local
 * emulator: the sample answers its README requests through {@code jdbc/alloydb}, the IAM pool (configured by
 * MicroProfile Config but for its user) logs in as the IAM user, refresh work runs on WildFly's JCA WorkManager,
 * and undeploying leaves none of the adapter's code running.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WildFlyIT {

  private static final String SAMPLE = "alloydb-sample/api/";
  private static AlloyDbEmulator emulator;
  private static WildFlyServer server;
  private static Path javaHome;
  private static HttpClient http;

  @BeforeAll
  static void boot() throws Exception {
    emulator = AlloyDbEmulator.shared();
    Path servers = Path.of(System.getProperty("servers.dir"));
    Path work = servers.resolve("wildfly-it");
    Path probe = Files.createDirectories(work).resolve("login-probe.war");
    ShrinkWrap.create(WebArchive.class, "login-probe.war").addClass(LoginProbeServlet.class)
        .as(ZipExporter.class).exportTo(probe.toFile(), true);
    javaHome = Path.of(System.getProperty("servers.jdk17"));
    server = new WildFlyServer(Path.of(System.getProperty("servers.wildfly.home")),
        Path.of(System.getProperty("servers.recipes"), "wildfly"));
    long begin = System.nanoTime();
    server.start(new ServerSetup(Path.of(System.getProperty("servers.rar")),
        List.of(Path.of(System.getProperty("servers.sample-war")), probe), emulatorConfig(), work, javaHome));
    System.out.printf("%s: booted in %d ms, recipe and wars deployed after %d ms%n", server.name(),
        server.bootTime().toMillis(), Duration.ofNanos(System.nanoTime() - begin).toMillis());
    http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** The adapter's MicroProfile Config keys for the emulator, as PayaraBootFiles gives Payara. */
  private static Map<String, String> emulatorConfig() {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("alloydb.instance-uri", emulator.instance().uri());
    config.put("alloydb.database", emulator.database());
    config.put("alloydb.user", emulator.passwordUser());
    config.put("alloydb.password", emulator.password());
    config.put("alloydb.admin-service-endpoint", emulator.adminApiRestEndpoint());
    config.put("alloydb.credentials-file", emulator.credentialsFile().toAbsolutePath().toString());
    config.put("alloydb.it.iam-user", emulator.iamUser());
    return config;
  }

  @Test
  @Order(1)
  void sampleAnswersItsReadmeRequestsThroughTheAdapter() throws Exception {
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
  void iamPoolConfiguredByMicroProfileConfigLogsInAsTheIamUser() throws Exception {
    HttpResponse<String> iam = get("login-probe/login?pool=iam");
    assertThat(iam.statusCode()).isEqualTo(200);
    assertThat(iam.body()).isEqualTo(emulator.iamUser());
    assertThat(get("login-probe/login?pool=password").body()).isEqualTo(emulator.passwordUser());
  }

  @Test
  @Order(3)
  void microProfileConfigSubsystemGivesTheStandaloneRarTheConfigApi() throws Exception {
    // What lets the adapter read alloydb.* keys: the microprofile-config-smallrye subsystem adds these modules to
    // every deployment, the .rar included; the adapter bundles no MicroProfile Config of its own.
    String modules = server.cli().run(List.of("/deployment=" + WildFlyServer.RAR_NAME + ":list-modules"));
    assertThat(modules).contains("\"org.eclipse.microprofile.config.api\"", "\"io.smallrye.config\"");
  }

  @Test
  @Order(4)
  void refreshRunsOnWildFlysWorkManagerAndTheAdapterStartsNoThread() throws Exception {
    ThreadDump dump = ThreadDump.of(javaHome, server.serverPid());
    List<ThreadDump.ServerThread> adapterWork = dump.running("dev.alloydb.jakarta.ra.work.");
    assertThat(adapterWork).isNotEmpty();
    assertThat(adapterWork).allSatisfy(thread -> {
      assertThat(thread.stack()).contains("org.jboss.jca.core.workmanager.WorkWrapper.run");
      assertThat(thread.name()).startsWith("default-threads");
    });
    assertThat(dump.names()).noneMatch(name -> name.startsWith("alloydb-connector")
        || name.startsWith("Gax-") || name.startsWith("grpc-"));
  }

  @Test
  @Order(5)
  void poolStatisticsCountTheConnectionsItCreated() throws Exception {
    // statistics-enabled=true on the resource adapter (alloydb.cli) turns on its pools' statistics.
    String statistics = server.cli().run(List.of("/subsystem=resource-adapters/resource-adapter=alloydb"
        + "/connection-definitions=alloydb/statistics=pool:read-attribute(name=CreatedCount)"));
    assertThat(statistics).containsPattern("\"result\" => [1-9]");
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void undeployLeavesNoAdapterCodeRunning() throws Exception {
    server.undeployAll();
    ThreadDump dump = ThreadDump.of(javaHome, server.serverPid());
    assertThat(dump.running("dev.alloydb.jakarta")).isEmpty();
    assertThat(dump.names()).noneMatch(name -> name.startsWith("alloydb-connector")
        || name.startsWith("Gax-") || name.startsWith("grpc-"));
    assertThat(get(SAMPLE + "items").statusCode()).isEqualTo(404);
  }

  private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(String path) {
    return server.baseUri().resolve(path);
  }
}
