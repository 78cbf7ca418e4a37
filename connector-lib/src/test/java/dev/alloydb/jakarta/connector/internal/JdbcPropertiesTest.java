package dev.alloydb.jakarta.connector.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alloydb.jakarta.connector.ConnectorConfig;
import dev.alloydb.jakarta.connector.ConnectorConfigException;
import dev.alloydb.jakarta.connector.RefreshStrategy;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The socket factory's properties, read through the option model. */
class JdbcPropertiesTest {

  @Test
  void connectorLevelPropertiesUseGooglesNames() {
    Properties info = new Properties();
    info.setProperty("alloydbRefreshStrategy", "lazy");
    info.setProperty("alloydbQuotaProject", " quota ");
    info.setProperty("alloydbTargetPrincipal", "target@p.iam.gserviceaccount.com");
    info.setProperty("alloydbDelegates", "a@p.iam.gserviceaccount.com, b@p.iam.gserviceaccount.com");
    info.setProperty("alloydbAdminServiceEndpoint", "http://127.0.0.1:1");

    ConnectorConfig config = JdbcProperties.toConfig(info);

    assertThat(config.refreshStrategy()).isEqualTo(RefreshStrategy.LAZY);
    assertThat(config.quotaProject()).contains("quota");
    assertThat(config.delegates()).containsExactly("a@p.iam.gserviceaccount.com", "b@p.iam.gserviceaccount.com");
    assertThat(config.adminServiceEndpoint()).isEqualTo("http://127.0.0.1:1");
  }

  @Test
  void delegateListWithAnEmptyEntryIsRejectedAsTheAdapterRejectsIt() {
    Properties info = new Properties();
    info.setProperty("alloydbTargetPrincipal", "target@p.iam.gserviceaccount.com");
    info.setProperty("alloydbDelegates", "a@p.iam.gserviceaccount.com,,b@p.iam.gserviceaccount.com");

    assertThatThrownBy(() -> JdbcProperties.toConfig(info))
        .isInstanceOf(ConnectorConfigException.class)
        .hasMessageStartingWith("Invalid alloydbDelegates 'a@p.iam.gserviceaccount.com,,b@p.iam.gserviceaccount.com'");
  }

  @Test
  void blankValueCountsAsUnset() {
    Properties info = new Properties();
    info.setProperty("alloydbQuotaProject", " ");
    info.setProperty("enableIamAuth", "");

    assertThat(JdbcProperties.toConfig(info).quotaProject()).isEmpty();
    assertThat(JdbcProperties.flag(info, "enableIamAuth", true)).isTrue();
  }
}
