package dev.alloydb.jakarta.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alloydb.jakarta.emulator.AdminRpc;
import dev.alloydb.jakarta.emulator.AlloyDbEmulator;
import dev.alloydb.jakarta.emulator.ProxyConnection;
import dev.alloydb.jakarta.testkit.secrets.SecretScanner;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The packaged sample war on Payara Micro with {@code alloydb-connector.rar}, configured by the sample's own boot
 * files against the local AlloyDB emulator (the test kit's {@code PayaraEmulatorSession} runs them with the shared
 * emulator's settings, as the quickstart does); one Payara boot for the class. The test
 * is an HTTP client; what the API says is cross-checked in the emulator's PostgreSQL.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SampleApplicationIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final String JSON = "application/json";
  private static final int SHORT_CERTIFICATE_SECONDS = 20;
  /** Covers the short certificate's life plus the connector's longest refresh back-off (60 s) with room. */
  private static final Duration STATE_CHANGE_BOUND = Duration.ofSeconds(150);
  private static final Duration POLL = Duration.ofMillis(250);

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  @ArquillianResource
  private URL base;

  @Deployment(testable = false)
  static WebArchive sampleWar() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("sample.war")));
  }

  @Test
  @Order(1)
  void jndiLookedUpDataSourceReachesTheEmulatorAsThePasswordUser() throws Exception {
    AlloyDbEmulator emulator = AlloyDbEmulator.shared();

    HttpResponse<String> response = get("api/database");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"database\":\"" + emulator.database() + "\"",
        "\"user\":\"" + emulator.passwordUser() + "\"", "\"items\":0");
  }

  @Test
  @Order(2)
  void schemaWasCreatedAtStartUp() throws SQLException {
    assertThat(rowsWithId("%")).isEmpty();
  }

  @Test
  @Order(3)
  void createdItemCanBeReadListedAndIsInTheDatabase() throws Exception {
    HttpResponse<String> created = post("api/items", "{\"id\":\"book1\",\"title\":\"Book One\"}");

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.body()).isEqualTo("{\"id\":\"book1\",\"title\":\"Book One\"}");
    assertThat(created.headers().firstValue("Location")).hasValue(base + "api/items/book1");
    assertThat(get("api/items/book1").body()).isEqualTo("{\"id\":\"book1\",\"title\":\"Book One\"}");
    assertThat(get("api/items").body()).isEqualTo("[{\"id\":\"book1\",\"title\":\"Book One\"}]");
    assertThat(rowsWithId("book1")).containsExactly("book1=Book One");
  }

  @Test
  @Order(4)
  void batchCommitsEveryItem() throws Exception {
    HttpResponse<String> response = post("api/items/batch",
        "[{\"id\":\"book2\",\"title\":\"Book Two\"},{\"id\":\"book3\",\"title\":\"Book Three\"}]");

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(rowsWithId("book%")).containsExactly("book1=Book One", "book2=Book Two", "book3=Book Three");
  }

  @Test
  @Order(5)
  void batchWithATakenIdIsRolledBackEntirely() throws Exception {
    HttpResponse<String> response = post("api/items/batch",
        "[{\"id\":\"book4\",\"title\":\"Book Four\"},{\"id\":\"book1\",\"title\":\"Book One again\"}]");

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(response.headers().firstValue("Content-Type")).hasValue(JSON);
    assertThat(response.body()).isEqualTo(
        "{\"message\":\"an item with id 'book1' already exists; nothing was stored\",\"status\":409}");
    // book4 was inserted before the duplicate failed: only the rollback can have removed it.
    assertThat(get("api/items/book4").statusCode()).isEqualTo(404);
    assertThat(rowsWithId("book%")).containsExactly("book1=Book One", "book2=Book Two", "book3=Book Three");
  }

  @Test
  @Order(6)
  void singleInsertWithATakenIdIsAConflict() throws Exception {
    HttpResponse<String> response = post("api/items", "{\"id\":\"book1\",\"title\":\"Other\"}");

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(rowsWithId("book1")).containsExactly("book1=Book One");
  }

  @Test
  @Order(7)
  void missingTitleIsABadRequestAndStoresNothing() throws Exception {
    HttpResponse<String> response = post("api/items", "{\"id\":\"book5\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("{\"message\":\"title is required: send"
        + " {\\\"id\\\":\\\"book1\\\",\\\"title\\\":\\\"Book One\\\"}\",\"status\":400}");
    assertThat(post("api/items/batch", "[{\"id\":\"book5\",\"title\":\"Five\"},{\"id\":\"book6\"}]")
        .statusCode()).isEqualTo(400);
    assertThat(rowsWithId("book5")).isEmpty();
  }

  @Test
  @Order(8)
  void malformedOrMissingBodiesAreBadRequestsWithoutStackTraces() throws Exception {
    List<HttpResponse<String>> responses = List.of(
        post("api/items", "{\"id\":"),
        post("api/items", "[1,2]"),
        post("api/items/batch", "{\"id\":\"book7\",\"title\":\"not an array\"}"),
        post("api/items", ""),
        post("api/items/batch", "[]"));

    for (HttpResponse<String> response : responses) {
      assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type")).hasValue(JSON);
      assertThat(response.body()).startsWith("{\"message\":\"").endsWith("\"status\":400}")
          .doesNotContain("Exception", "\tat ");
    }
    assertThat(rowsWithId("book7")).isEmpty();
  }

  @Test
  @Order(9)
  void wrongContentTypeIsUnsupported() throws Exception {
    HttpRequest request = request("api/items")
        .header("Content-Type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofString("book8")).build();

    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(response.body()).endsWith("\"status\":415}");
  }

  @Test
  @Order(10)
  void unknownIdIsNotFoundForReadAndDelete() throws Exception {
    HttpResponse<String> read = get("api/items/nope");
    HttpResponse<String> delete = delete("api/items/nope");

    assertThat(read.statusCode()).isEqualTo(404);
    assertThat(read.body()).isEqualTo("{\"message\":\"no item with id 'nope'\",\"status\":404}");
    assertThat(delete.statusCode()).isEqualTo(404);
  }

  @Test
  @Order(11)
  void deleteRemovesTheRow() throws Exception {
    HttpResponse<String> response = delete("api/items/book2");

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(get("api/items/book2").statusCode()).isEqualTo(404);
    assertThat(rowsWithId("book%")).containsExactly("book1=Book One", "book3=Book Three");
    assertThat(get("api/database").body()).contains("\"items\":2");
  }

  @Test
  @Order(12)
  void readinessIsUpWithTheCertificatesExpiryAndLivenessIgnoresAlloyDb() throws Exception {
    String uri = AlloyDbEmulator.shared().instance().uri();

    HttpResponse<String> ready = client.send(HttpRequest.newBuilder(URI.create(base.toString()).resolve(
        "/health/ready")).timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> live = client.send(HttpRequest.newBuilder(URI.create(base.toString()).resolve(
        "/health/live")).timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());

    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
    assertThat(ready.body()).contains("\"name\":\"alloydb\"", "\"status\":\"UP\"", "\"instance\":\"" + uri + "\"",
        "\"state\":\"READY\"", "\"certificateExpiry\":\"20");
    assertThat(live.statusCode()).as(live.body()).isEqualTo(200);
    assertThat(live.body()).doesNotContain("alloydb");
  }

  @Test
  @Order(13)
  void payaraMetricsShowTheConnectorsSeriesMatchingTheEmulatorsCounters() throws Exception {
    AlloyDbEmulator emulator = AlloyDbEmulator.shared();
    String uri = emulator.instance().uri();

    HttpResponse<String> scrape = client.send(HttpRequest.newBuilder(URI.create(base.toString()).resolve(
        "/metrics")).timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());

    assertThat(scrape.statusCode()).isEqualTo(200);
    long certificates = emulator.counters().adminCallLog().stream()
        .filter(c -> c.rpc() == AdminRpc.GENERATE_CLIENT_CERTIFICATE && c.status() == io.grpc.Status.Code.OK
            && c.userAgent().contains("jakarta-ra")).count();
    long accepted = emulator.counters().proxyConnections().stream()
        .filter(c -> c.outcome() == ProxyConnection.Outcome.ACCEPTED && c.userAgent().contains("jakarta-ra"))
        .count();
    assertThat(certificates).isPositive();
    assertThat(accepted).isPositive();
    assertThat(sum(scrape.body(), "alloydb_connector_refresh_successes", uri)).as(scrape.body())
        .isEqualTo(certificates);
    assertThat(sum(scrape.body(), "alloydb_connector_dial_count", uri)).isEqualTo(accepted);
    assertThat(sum(scrape.body(), "alloydb_connector_ready", uri)).isPositive();
    assertThat(SecretScanner.scan(scrape.body(), List.of(new SecretScanner.Secret("database password",
        emulator.password())))).isEmpty();
  }

  /**
   * Last, as it breaks the pool's sessions and leaves the emulator's instance CA rotated. The database restart
   * makes the pool dial again; the rotated CA fails that dial's TLS handshake, so the connector refreshes at once and
   * gets a {@value #SHORT_CERTIFICATE_SECONDS} s certificate. With the Admin API down that certificate expires
   * unrenewed: DOWN. Once the Admin API is back, the connector's background retry renews it: UP.
   */
  @Test
  @Order(14)
  void readinessGoesDownWhenTheCertificateExpiresDuringAnAdminApiOutageAndUpAfterIt() throws Exception {
    AlloyDbEmulator emulator = AlloyDbEmulator.shared();
    String uri = emulator.instance().uri();
    try {
      emulator.faults().clientCertificateLifetime(Duration.ofSeconds(SHORT_CERTIFICATE_SECONDS));
      emulator.faults().rotateCa();
      emulator.restartDatabase();
      assertThat(awaitStatus("api/database", 200).body()).contains("\"database\":\"" + emulator.database() + "\"");
      emulator.faults().adminError(io.grpc.Status.Code.UNAVAILABLE);

      List<String> toDown = new ArrayList<>();
      HttpResponse<String> down = awaitReadiness("DOWN/FAILED", toDown);

      assertThat(toDown).as("readiness states in order").first().isEqualTo("UP/READY");
      assertThat(toDown).last().isEqualTo("DOWN/FAILED");
      assertThat(toDown).filteredOn(s -> s.startsWith("UP")).containsOnly("UP/READY");
      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(down.body()).contains("\"name\":\"alloydb\"", "\"instance\":\"" + uri + "\"",
          "\"state\":\"FAILED\"", "\"lastError\":\"[" + uri + "] Admin API GetConnectionInfo failed")
          .doesNotContain("certificateExpiry");
      assertThat(SecretScanner.scan(down.body(), List.of(new SecretScanner.Secret("database password",
          emulator.password())))).isEmpty();
      HttpResponse<String> live = health("/health/live");
      assertThat(live.statusCode()).as(live.body()).isEqualTo(200);
      assertThat(live.body()).contains("\"status\":\"UP\"").doesNotContain("alloydb");

      Instant cleared = Instant.now();
      emulator.faults().adminError(null);
      emulator.faults().clientCertificateLifetime(null);
      List<String> toUp = new ArrayList<>();
      HttpResponse<String> up = awaitReadiness("UP/READY", toUp);

      assertThat(toUp).as("readiness states in order").containsExactly("DOWN/FAILED", "UP/READY");
      assertThat(up.statusCode()).isEqualTo(200);
      assertThat(up.body()).contains("\"instance\":\"" + uri + "\"").doesNotContain("lastError");
      // the emulator's default lifetime (1 h) again, not the short one
      assertThat(certificateExpiry(up.body())).isAfter(cleared.plus(Duration.ofMinutes(30)));
    } finally {
      emulator.faults().reset();
    }
  }

  /**
   * Polls {@code /health/ready} until the check reads {@code wanted} ({@code STATUS/STATE}), at most
   * {@link #STATE_CHANGE_BOUND}; adds each reading that differs from the one before to {@code seen}.
   */
  private HttpResponse<String> awaitReadiness(String wanted, List<String> seen) throws Exception {
    long end = System.nanoTime() + STATE_CHANGE_BOUND.toNanos();
    while (true) {
      HttpResponse<String> response = health("/health/ready");
      // the response's status is the first in the body: the sample has no other readiness check
      String reading = field(response.body(), "status", 0) + "/" + field(response.body(), "state",
          response.body().indexOf("\"name\":\"alloydb\""));
      if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(reading)) {
        seen.add(reading);
      }
      if (reading.equals(wanted)) {
        return response;
      }
      assertThat(System.nanoTime() - end).as("readiness never read %s within %s; seen %s, last %s", wanted,
          STATE_CHANGE_BOUND, seen, response.body()).isNegative();
      Thread.sleep(POLL.toMillis());
    }
  }

  private HttpResponse<String> awaitStatus(String path, int status) throws Exception {
    long end = System.nanoTime() + STATE_CHANGE_BOUND.toNanos();
    while (true) {
      HttpResponse<String> response = get(path);
      if (response.statusCode() == status) {
        return response;
      }
      assertThat(System.nanoTime() - end).as("%s never answered %s; last %s", path, status, response.body())
          .isNegative();
      Thread.sleep(POLL.toMillis());
    }
  }

  private HttpResponse<String> health(String path) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(URI.create(base.toString()).resolve(path)).timeout(TIMEOUT).GET()
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The first string field {@code name} at or after {@code from} in a health response; "-" when absent. */
  private static String field(String body, String name, int from) {
    Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(body);
    return from >= 0 && m.find(from) ? m.group(1) : "-";
  }

  private static Instant certificateExpiry(String body) {
    return Instant.parse(field(body, "certificateExpiry", 0));
  }

  /** The sum over the series of {@code metric} for {@code instance} in a Prometheus text scrape. */
  private static long sum(String scrape, String metric, String instance) {
    // distinct: Payara lists each series twice when no scope is asked for
    return Math.round(scrape.lines().distinct()
        .filter(line -> line.startsWith(metric + "{") && line.contains("instance=\"" + instance + "\""))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum());
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> delete(String path) throws IOException, InterruptedException {
    return client.send(request(path).DELETE().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
    HttpRequest request = request(path).header("Content-Type", JSON)
        .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT);
  }

  /** {@code id=title} of the rows whose id is LIKE the pattern, read straight from PostgreSQL. */
  private static List<String> rowsWithId(String pattern) throws SQLException {
    AlloyDbEmulator emulator = AlloyDbEmulator.shared();
    try (Connection connection = DriverManager.getConnection(emulator.directJdbcUrl(),
        emulator.passwordUser(), emulator.password());
        PreparedStatement statement = connection.prepareStatement(
            "SELECT id, title FROM my_table WHERE id LIKE ? ORDER BY id")) {
      statement.setString(1, pattern);
      List<String> rows = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          rows.add(result.getString(1) + "=" + result.getString(2));
        }
      }
      return rows;
    }
  }
}
