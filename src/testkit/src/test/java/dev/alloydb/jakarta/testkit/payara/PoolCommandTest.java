package dev.alloydb.jakarta.testkit.payara;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one pool command of the tests, the soak and the benchmark: asadmin's syntax, values that survive it. */
class PoolCommandTest {

  @Test
  void lineHasTheAdapterOptionsPropertiesAndPoolNameInAsadminsOrder() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("instanceUri", "projects/p/locations/r/clusters/c/instances/i");
    properties.put("adminServiceEndpoint", "http://127.0.0.1:8080");
    String line = PoolCommand.of("alloydb-connector", "my-pool").transactionSupport("LocalTransaction")
        .options("--steadypoolsize", "2").properties(properties).line();

    assertThat(line).isEqualTo("create-connector-connection-pool --raname alloydb-connector"
        + " --connectiondefinition javax.sql.DataSource --transactionsupport LocalTransaction --steadypoolsize 2"
        + " --property instanceUri=projects/p/locations/r/clusters/c/instances/i"
        + ":adminServiceEndpoint=http\\://127.0.0.1\\:8080 my-pool");
  }

  @Test
  void argumentsKeepEachValueWholeAndOmitWhatIsNotSet() {
    assertThat(PoolCommand.of("ra", "pool").arguments())
        .containsExactly("--raname", "ra", "--connectiondefinition", "javax.sql.DataSource", "pool");
  }

  @Test
  void propertyListEscapesSeparatorsAndBackslashes() {
    assertThat(PoolCommand.propertyList(Map.of("password", "a:b=c\\d")))
        .isEqualTo("password=a\\:b\\=c\\\\d");
  }
}
