package dev.alloydb.jakarta.servers.liberty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alloydb.jakarta.emulator.AlloyDbEmulator;
import dev.alloydb.jakarta.servers.ServerSetup;
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
 * The .rar on Open Liberty, deployed by the README recipe ({@link OpenLibertyServer}) with the sample war and a
 * probe war, against the local AlloyDB emulator: the sample answers as its README shows, both pools log in as
 * their users, and undeploying leaves neither application nor adapter and stopping leaves no process.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenLibertyIT {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private static AlloyDbEmulator emulator;
  private static OpenLibertyServer server;
  private static long startedAt;

  @BeforeAll
  static void boot() throws Exception {
    startedAt = System.nanoTime();
    emulator = AlloyDbEmulator.shared();
    Path workDir = Path.of("target", "liberty-it").toAbsolutePath();
    Files.createDirectories(workDir);
    Path probe = workDir.resolve("liberty-probe.war");
    ShrinkWrap.create(WebArchive.class, probe.getFileName().toString()).addClass(PoolUserServlet.class)
        .as(ZipExporter.class).exportTo(probe.toFile(), true);
    server = new OpenLibertyServer(Path.of(System.getProperty("servers.liberty")),
        Path.of(System.getProperty("servers.recipes")).resolve("liberty"));
    server.start(new ServerSetup(Path.of(System.getProperty("servers.rar")), List.of(probe), emulatorConfig(),
        workDir, Path.of(System.getProperty("servers.jdk17"))));
    // The adapter's first connection from a request, before the sample starts: Liberty does not run a Work that an
    // application submits while it is still starting (README "Deploying on Open Liberty"), and the sample opens a
    // connection while it starts.
    assertThat(get("liberty-probe/pool-user?jndi=jdbc/alloydb")).isEqualTo(answer(200, emulator.passwordUser()));
    server.deploy(Path.of(System.getProperty("servers.sample-war")));
    System.out.printf("%s: booted in %d ms (to CWWKF0011I), wars deployed after %d ms%n", server.name(),
        server.bootTime().toMillis(), (System.nanoTime() - startedAt) / 1_000_000);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
      System.out.printf("%s: whole class took %d ms%n", server.name(), (System.nanoTime() - startedAt) / 1_000_000);
    }
  }

  @Test
  @Order(1)
  void sampleAnswersItsReadmeRequestsThroughTheAdaptersDataSource() throws Exception {
    assertThat(post("alloydb-sample/api/items", "{\"id\":\"liberty1\",\"title\":\"Liberty One\"}"))
        .isEqualTo(answer(201, "{\"id\":\"liberty1\",\"title\":\"Liberty One\"}"));
    assertThat(get("alloydb-sample/api/items/liberty1"))
        .isEqualTo(answer(200, "{\"id\":\"liberty1\",\"title\":\"Liberty One\"}"));
    assertThat(post("alloydb-sample/api/items/batch",
        "[{\"id\":\"liberty2\",\"title\":\"Two\"},{\"id\":\"liberty1\",\"title\":\"One again\"}]"))
        .isEqualTo(answer(409, "{\"message\":\"an item with id 'liberty1' already exists; nothing was stored\","
            + "\"status\":409}"));
    assertThat(get("alloydb-sample/api/items/liberty2").status()).as("rolled back with its batch").isEqualTo(404);
    assertThat(get("alloydb-sample/api/database").body())
        .contains("\"user\":\"" + emulator.passwordUser() + "\"");
  }

  @Test
  @Order(2)
  void passwordPoolLogsInAsThePasswordUserFromMicroProfileConfig() throws Exception {
    assertThat(get("liberty-probe/pool-user?jndi=jdbc/alloydb")).isEqualTo(answer(200, emulator.passwordUser()));
  }

  /**
   * The IAM pool sets only {@code enableIamAuth} and {@code user}: its instance URI, Admin API endpoint and
   * credentials reach the adapter only through Liberty's MicroProfile Config, which the recipe's class loader
   * makes visible to the standalone .rar.
   */
  @Test
  @Order(3)
  void iamPoolLogsInAsTheIamUserWithTheRestFromMicroProfileConfig() throws Exception {
    assertThat(get("liberty-probe/pool-user?jndi=jdbc/alloydb-iam")).isEqualTo(answer(200, emulator.iamUser()));
  }

  @Test
  @Order(4)
  void undeployRemovesApplicationsAndAdapterAndStopLeavesNoProcess() throws Exception {
    server.undeployAll();
    assertThat(get("alloydb-sample/api/items").status()).isEqualTo(404);
    List<ProcessHandle> running = server.processes();
    assertThat(running).as("the server runs until it is closed").isNotEmpty();
    server.close();
    assertThat(running).as("processes of the server after close()").noneMatch(ProcessHandle::isAlive);
  }

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

  private static Answer get(String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  private static Answer post(String path, String json) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private static URI uri(String path) {
    return server.baseUri().resolve(path);
  }

  private static Answer send(HttpRequest.Builder request) throws Exception {
    HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(),
        HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body());
  }

  private static Answer answer(int status, String body) {
    return new Answer(status, body);
  }

  /** An HTTP status and body, compared as a pair so a failure shows both. */
  private record Answer(int status, String body) {
  }
}
