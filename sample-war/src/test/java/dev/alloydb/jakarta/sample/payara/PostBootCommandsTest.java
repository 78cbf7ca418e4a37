package dev.alloydb.jakarta.sample.payara;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alloydb.jakarta.testkit.payara.PoolCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sample's user-facing boot file (what the README tells a user to copy, and what the quickstart and the ITs run)
 * creates its pool with the same command the test kit generates for the adapter's other pools.
 */
class PostBootCommandsTest {

  @Test
  void poolLineIsTheTestKitsPoolCommand() throws Exception {
    List<String> pools = Files.readAllLines(Path.of("src/main/payara/post-boot-commands.asadmin")).stream()
        .filter(line -> line.startsWith(PoolCommand.COMMAND + " ")).toList();

    assertThat(pools).containsExactly(PoolCommand.of("alloydb-connector", "alloydb-pool")
        .transactionSupport("LocalTransaction")
        .options("--steadypoolsize", "2", "--maxpoolsize", "16", "--isconnectvalidatereq", "true").line());
  }
}
