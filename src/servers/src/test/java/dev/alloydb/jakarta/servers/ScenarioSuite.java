package dev.alloydb.jakarta.servers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alloydb.jakarta.emulator.AlloyDbEmulator;
import dev.alloydb.jakarta.servers.scenario.ThreadNames;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The scenarios every server of the matrix must pass, driven over HTTP against the sample war and the scenario war
 * ({@link ScenarioWar}), with the emulator in this JVM. One boot per server: a subclass names its
 * {@link ServerUnderTest} and the JDK it runs on. The last scenario undeploys everything, so the order is fixed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class ScenarioSuite {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String PASSWORD_JNDI = "jdbc/alloydb";
  private static final String IAM_JNDI = "jdbc/alloydb-iam";
  private static final String SCENARIO = ScenarioWar.NAME + "/scenario/";
  private static final String ADAPTER_CODE = "dev.alloydb.jakarta.";
  /** This module's own code: the scenario war and the launchers that some servers run in their JVM. */
  private static final String SUITE_CODE = "dev.alloydb.jakarta.servers.";

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private AlloyDbEmulator emulator;
  private ServerUnderTest server;
  private ServerSetup setup;

  /** The server under test, not started yet. */
  protected abstract ServerUnderTest server();

  /** The JDK the server runs on; JDK 17 (the build's property {@code servers.jdk17}) unless overridden. */
  protected Path javaHome() {
    return Path.of(requiredProperty("servers.jdk17"));
  }

  /** The work directory of this server's run, under target/. */
  protected Path workDir() {
    return Path.of(requiredProperty("servers.dir")).resolve("run-" + getClass().getSimpleName());
  }

  @BeforeAll
  void startServer() throws Exception {
    emulator = AlloyDbEmulator.shared();
    Path work = workDir().toAbsolutePath();
    Path scenarioWar = ScenarioWar.writeTo(work.resolve("wars"));
    setup = new ServerSetup(Path.of(requiredProperty("servers.rar")).toAbsolutePath(),
        List.of(Path.of(requiredProperty("servers.sample-war")).toAbsolutePath(), scenarioWar),
        alloydbConfig(emulator), work, javaHome());
    server = server();
    long started = System.nanoTime();
    server.start(setup);
    System.out.printf("%s on %s: started with the .rar and %d wars in %d ms%n", server.name(), javaHome(),
        setup.wars().size(), Duration.ofNanos(System.nanoTime() - started).toMillis());
  }

  @AfterAll
  void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  /** The adapter's MicroProfile Config keys for {@code emulator}, as a user would set them for a real instance. */
  public static Map<String, String> alloydbConfig(AlloyDbEmulator emulator) {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("alloydb.instance-uri", emulator.instance().uri());
    config.put("alloydb.database", emulator.database());
    config.put("alloydb.user", emulator.passwordUser());
    config.put("alloydb.password", emulator.password());
    config.put("alloydb.admin-service-endpoint", emulator.adminApiRestEndpoint());
    config.put("alloydb.credentials-file", emulator.credentialsFile().toAbsolutePath().toString());
    config.put("alloydb.iam-user", emulator.iamUser());
    config.put("alloydb.it.password-user", emulator.passwordUser());
    return config;
  }

  @Test
  @Order(1)
  void sampleServesItemsThroughTheAdapter() throws Exception {
    Answer database = get("alloydb-sample/api/database");
    assertThat(database.status()).as(database.toString()).isEqualTo(200);
    assertThat(database.body()).contains("\"user\":\"" + emulator.passwordUser() + "\"");

    String id = "matrix-" + Long.toHexString(System.nanoTime());
    Answer created = send(HttpRequest.newBuilder(uri("alloydb-sample/api/items"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"" + id + "\",\"title\":\"On " + server.name() + "\"}")));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    Answer items = get("alloydb-sample/api/items");
    assertThat(items.status()).as(items.toString()).isEqualTo(200);
    assertThat(items.body()).contains("\"id\":\"" + id + "\"");
    assertThat(rowsOf("select count(*) from my_table where id = '" + id + "'")).containsExactly(1);
  }

  @Test
  @Order(2)
  void injectedDataSourceLogsInWithThePassword() throws Exception {
    assertThat(scenario("injected").value("user")).isEqualTo(emulator.passwordUser());
  }

  @Test
  @Order(3)
  void plainJndiLookupsGivePasswordAndIamLogins() throws Exception {
    assertThat(scenario("lookup?jndi=" + PASSWORD_JNDI).value("user")).isEqualTo(emulator.passwordUser());
    assertThat(scenario("lookup?jndi=" + IAM_JNDI).value("user")).isEqualTo(emulator.iamUser());
  }

  @Test
  @Order(4)
  void containerTransactionsCommitAndRollBackInTheDatabase() throws Exception {
    execute("create table if not exists scenario_tx (id int primary key)");
    execute("delete from scenario_tx");

    assertThat(scenario("autocommit-in-transaction").value("autoCommit")).isEqualTo("false");
    assertThat(scenario("commit?id=1").value("committed")).isEqualTo("1");
    assertThat(scenario("rollback?id=2").value("rolledBack")).isEqualTo("true");

    assertThat(rowsOf("select id from scenario_tx order by id")).containsExactly(1);
  }

  @Test
  @Order(5)
  void terminatedBackendsAreEvictedAndTheNextRequestSucceeds() throws Exception {
    int used = Integer.parseInt(scenario("injected").value("backendPid"));
    List<Integer> killed = terminateBackendsOf(emulator.passwordUser());
    assertThat(killed).as("the pool's idle connections, killed").contains(used);

    // The pool notices through its validation (the request succeeds) or through the failed connection's error
    // event (the request fails and the connection is destroyed); either way the next request succeeds.
    Answer first = getScenario("injected");
    assertThat(first.status()).as(first.toString()).isIn(200, 500);
    Answer next = getScenario("injected");
    assertThat(next.status()).as(next.toString()).isEqualTo(200);
    assertThat(Integer.parseInt(next.value("backendPid"))).isNotIn(killed);
    Answer sample = get("alloydb-sample/api/database");
    assertThat(sample.status()).as(sample.toString()).isEqualTo(200);
  }

  @Test
  @Order(6)
  void refreshRunsOnTheServersWorkManagerThreadsAndTheAdapterStartsNone() throws Exception {
    Answer status = scenario("status");
    assertThat(Long.parseLong(status.value("tasksRun"))).isPositive();
    List<String> workThreads = names(status.value("workThreadNames"));
    assertThat(workThreads).isNotEmpty().noneMatch(ThreadNames::isLibraryThread);
    assertThat(names(status.value("libraryThreads"))).isEmpty();
    assertThat(names(status.value("adapterStartedThreads"))).isEmpty();
  }

  @Test
  @Order(7)
  void undeployLeavesNoAdapterThread() throws Exception {
    ServerJvm jvm = ServerJvm.listeningOn(server.baseUri().getPort(), setup.javaHome());
    // A refresh is scheduled, so the adapter's delay-queue Work holds a server thread: the dump can see it.
    await("the delay-queue Work on a server thread", jvm,
        dump -> dump.contains(ADAPTER_CODE + "ra.work.DelayQueueWork"));

    server.undeployAll();

    String after = await("no thread running the adapter's or the library's code", jvm,
        dump -> adapterFrames(dump).isEmpty() && libraryThreads(dump).isEmpty());
    assertThat(libraryThreads(after)).isEmpty();
    Answer gone = getScenario("status");
    assertThat(gone.status()).as("the scenario war is undeployed").isEqualTo(404);
  }

  private Answer scenario(String action) throws IOException, InterruptedException {
    Answer answer = getScenario(action);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer;
  }

  private Answer getScenario(String action) throws IOException, InterruptedException {
    return get(SCENARIO + action);
  }

  private Answer get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request.timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body());
  }

  private URI uri(String path) {
    return server.baseUri().resolve(path);
  }

  private Connection direct() throws SQLException {
    return DriverManager.getConnection(emulator.directJdbcUrl(), emulator.passwordLogin());
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = direct(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private List<Integer> rowsOf(String query) throws SQLException {
    try (Connection connection = direct();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(query)) {
      List<Integer> values = new ArrayList<>();
      while (rows.next()) {
        values.add(rows.getInt(1));
      }
      return values;
    }
  }

  /** Terminates every backend of {@code user} but this query's own; returns their process ids. */
  private List<Integer> terminateBackendsOf(String user) throws SQLException {
    try (Connection connection = direct();
        PreparedStatement statement = connection.prepareStatement("select pid, pg_terminate_backend(pid)"
            + " from pg_stat_activity where usename = ? and pid <> pg_backend_pid()")) {
      statement.setString(1, user);
      List<Integer> killed = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          if (rows.getBoolean(2)) {
            killed.add(rows.getInt(1));
          }
        }
      }
      return killed;
    }
  }

  private static List<String> names(String commaSeparated) {
    return commaSeparated.isEmpty() ? List.of() : List.of(commaSeparated.split(","));
  }

  /** Stack frames in the dump that run the adapter's, the library's or the sample's code. */
  private static List<String> adapterFrames(String dump) {
    return dump.lines().map(String::trim)
        .filter(line -> line.startsWith("at " + ADAPTER_CODE) && !line.startsWith("at " + SUITE_CODE)).toList();
  }

  /** Names of the dump's threads that the libraries start on their own. */
  private static List<String> libraryThreads(String dump) {
    return dump.lines().filter(line -> line.startsWith("\""))
        .map(line -> line.substring(1, Math.max(1, line.indexOf('"', 1))))
        .filter(ThreadNames::isLibraryThread).toList();
  }

  private static String await(String what, ServerJvm jvm, Predicate<String> condition) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    String dump = jvm.threadDump();
    while (!condition.test(dump)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + WAIT + ": " + what + "; frames of the adapter: "
            + adapterFrames(dump) + ", library threads: " + libraryThreads(dump));
      }
      Thread.sleep(500);
      dump = jvm.threadDump();
    }
    return dump;
  }

  private static String requiredProperty(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("system property " + name + " is not set: run with -Pservers");
    }
    return value;
  }
}
