package dev.alloydb.jakarta.servers.liberty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alloydb.jakarta.emulator.AlloyDbEmulator;
import dev.alloydb.jakarta.servers.ScenarioSuite;
import dev.alloydb.jakarta.servers.ServerUnderTest;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The scenario suite on Open Liberty, booted by its README recipe ({@link OpenLibertyServer}) on JDK 17. The recipe's
 * IAM pool sets only {@code enableIamAuth} and {@code user}: its instance URI, Admin API endpoint and credentials
 * reach the standalone .rar only through Liberty's MicroProfile Config, so the suite's IAM login also proves that the
 * recipe's class loader lets the adapter see the MicroProfile Config API.
 */
class OpenLibertyIT extends ScenarioSuite {

  private OpenLibertyServer liberty;

  @Override
  protected ServerUnderTest server() {
    liberty = new OpenLibertyServer(Path.of(System.getProperty("servers.liberty")),
        Path.of(System.getProperty("servers.recipes")).resolve("liberty"),
        Optional.of(Path.of(System.getProperty("servers.native-jdbc"))));
    return liberty;
  }

  /**
   * Liberty's own pool over the connector's socket factory (recipe {@code alloydb-native.xml}), the comparison for
   * the adapter's pools. Used only once the adapter is undeployed: the socket factory's connectors live as long as
   * the server, so their threads would count against the suite's thread checks.
   */
  @Test
  @Order(8)
  void libertysOwnPoolOverTheSocketFactoryLogsIn() throws Exception {
    Path war = workDir().toAbsolutePath().resolve("wars").resolve("liberty-native-probe.war");
    ShrinkWrap.create(WebArchive.class, war.getFileName().toString()).addClass(PoolUserServlet.class)
        .as(ZipExporter.class).exportTo(war.toFile(), true);
    liberty.deploy(war);
    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        liberty.baseUri().resolve("liberty-native-probe/pool-user?jndi=jdbc/alloydb-native"))
        .timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo(AlloyDbEmulator.shared().passwordUser());
  }

  /**
   * Stopping the server with the adapter in use: Liberty's quiesce waits (30 s at most) for the Works running when
   * the stop began, then logs CWWKE1101I, or CWWKE1102W if one was still running. The adapter's delay-queue Work must
   * not be such a Work (it was: it ran until ResourceAdapter.stop(), which Liberty calls only after the quiesce).
   */
  @Test
  @Order(9)
  void stopWithTheAdapterInUseQuiescesAndLeavesNoProcess() throws Exception {
    liberty.reinstallAdapter();
    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        liberty.baseUri().resolve("liberty-native-probe/pool-user?jndi=jdbc/alloydb"))
        .timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as("a connection through the adapter, which schedules a refresh: %s",
        answer.body()).isEqualTo(200);
    List<ProcessHandle> running = liberty.processes();
    assertThat(running).as("the server runs until it is closed").isNotEmpty();

    liberty.close();

    assertThat(running).as("processes of the server after close()").noneMatch(ProcessHandle::isAlive);
    List<String> messages = Files.readAllLines(liberty.messagesLog());
    assertThat(messages.stream().filter(line -> line.contains("CWWKE110")).map(line -> line.replaceAll(
        ".*(CWWKE110\\d[IW]).*", "$1"))).as("Liberty's quiesce messages").containsExactly("CWWKE1100I", "CWWKE1101I");
    assertThat(messages).as("the adapter stopped with every Work ended")
        .anyMatch(line -> line.contains("AlloyDB resource adapter stopped"))
        .noneMatch(line -> line.contains("with Work still running"));
  }
}
