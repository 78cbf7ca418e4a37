package dev.alloydb.jakarta.servers.liberty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alloydb.jakarta.servers.ScenarioSuite;
import dev.alloydb.jakarta.servers.ServerUnderTest;
import java.nio.file.Path;
import java.util.List;
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
        Path.of(System.getProperty("servers.recipes")).resolve("liberty"));
    return liberty;
  }

  @Test
  @Order(8)
  void stopAfterUndeployLeavesNoProcess() {
    List<ProcessHandle> running = liberty.processes();
    assertThat(running).as("the server runs until it is closed").isNotEmpty();
    liberty.close();
    assertThat(running).as("processes of the server after close()").noneMatch(ProcessHandle::isAlive);
  }
}
