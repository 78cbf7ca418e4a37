package dev.alloydb.jakarta.ra.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alloydb.jakarta.connector.ConnectorConfigException;
import dev.alloydb.jakarta.connector.ConnectorOption;
import dev.alloydb.jakarta.connector.IpType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** AdapterSettings: the connector-level part for sharing connectors, and text that never shows a secret. */
class AdapterSettingsTest {

  @Test
  void poolsThatDifferOnlyInPerConnectionOptionsShareOneConnectorConfiguration() {
    Map<ConnectorOption<?>, Object> other = base();
    other.put(ConnectorOption.USER, "other");
    other.put(ConnectorOption.PASSWORD, "other-secret");
    other.put(ConnectorOption.IP_TYPE, IpType.PUBLIC);
    other.put(ConnectorOption.ENABLE_IAM_AUTH, true);
    other.put(ConnectorOption.DATABASE, "other-db");

    assertThat(new AdapterSettings(other).connectorConfig()).isEqualTo(new AdapterSettings(base()).connectorConfig());
    other.put(ConnectorOption.QUOTA_PROJECT, "quota");
    assertThat(new AdapterSettings(other).connectorConfig()).isNotEqualTo(new AdapterSettings(base()).connectorConfig());
  }

  @Test
  void libraryRulesForCombinationsApply() {
    Map<ConnectorOption<?>, Object> values = base();
    values.put(ConnectorOption.DELEGATES, List.of("a@p.iam.gserviceaccount.com"));

    assertThatThrownBy(() -> new AdapterSettings(values)).isInstanceOf(ConnectorConfigException.class)
        .hasMessageContaining("need a targetPrincipal");
  }

  @Test
  void toStringMasksThePassword() {
    assertThat(new AdapterSettings(base()).toString()).contains("password=<masked>", "user=app")
        .doesNotContain("secret");
  }

  private static Map<ConnectorOption<?>, Object> base() {
    Map<ConnectorOption<?>, Object> values = new HashMap<>();
    values.put(ConnectorOption.INSTANCE_URI, "projects/p/locations/l/clusters/c/instances/i");
    values.put(ConnectorOption.USER, "app");
    values.put(ConnectorOption.PASSWORD, "secret");
    values.put(ConnectorOption.IP_TYPE, IpType.PRIVATE);
    values.put(ConnectorOption.ENABLE_IAM_AUTH, false);
    values.put(ConnectorOption.DATABASE, "postgres");
    return values;
  }
}
