package dev.alloydb.jakarta.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The option model: derived names, defaults, and the one parser per option that every entry point uses. */
class ConnectorOptionTest {

  @Test
  void namesKeysAndEnvironmentVariablesFollowOneRuleAndAreDistinct() {
    assertThat(ConnectorOption.ENABLE_IAM_AUTH.configKey()).isEqualTo("alloydb.enable-iam-auth");
    assertThat(ConnectorOption.ENABLE_IAM_AUTH.environmentVariable()).isEqualTo("ALLOYDB_ENABLE_IAM_AUTH");
    assertThat(ConnectorOption.INSTANCE_URI.jdbcName()).contains(SocketFactory.INSTANCE_NAME);
    assertThat(ConnectorOption.all()).extracting(ConnectorOption::name).doesNotHaveDuplicates();
    assertThat(ConnectorOption.all()).extracting(ConnectorOption::configKey).doesNotHaveDuplicates();
    assertThat(ConnectorOption.all()).extracting(option -> option.jdbcName().orElse(option.name()))
        .doesNotHaveDuplicates();
  }

  @Test
  void socketFactoryConstantsAreTheModelsJdbcNames() {
    assertThat(ConnectorOption.all()).extracting(option -> option.jdbcName().orElse(null)).containsExactly(
        SocketFactory.INSTANCE_NAME, SocketFactory.IP_TYPE, SocketFactory.ENABLE_IAM_AUTH, "user", "password", null,
        SocketFactory.REFRESH_STRATEGY, SocketFactory.ADMIN_SERVICE_ENDPOINT, SocketFactory.UNIVERSE_DOMAIN,
        SocketFactory.QUOTA_PROJECT, SocketFactory.GOOGLE_CREDENTIALS_PATH, SocketFactory.IAM_LOGIN_CREDENTIALS_PATH,
        SocketFactory.TARGET_PRINCIPAL, SocketFactory.DELEGATES, SocketFactory.USER_AGENT, SocketFactory.METRICS);
  }

  @Test
  void everyDefaultIsAValueItsOwnParserAccepts() {
    for (ConnectorOption<?> option : ConnectorOption.all()) {
      option.defaultValue().ifPresent(value -> assertThat(option.parse(value, option.name())).isNotNull());
      assertThat(option.required() && option.defaultValue().isPresent()).as(option.name()).isFalse();
    }
  }

  @Test
  void valuesAreTrimmedExceptSecrets() {
    assertThat(ConnectorOption.IP_TYPE.parse(" psc ", "ipType")).isEqualTo(IpType.PSC);
    assertThat(ConnectorOption.USER.parse(" app ", "user")).isEqualTo("app");
    assertThat(ConnectorOption.PASSWORD.parse(" pass word ", "password")).isEqualTo(" pass word ");
  }

  @Test
  void parityOptionsParseWithTheBuildersRules() {
    assertThat(ConnectorOption.UNIVERSE_DOMAIN.parse(" example-universe.test ", "alloydbUniverseDomain"))
        .isEqualTo("example-universe.test");
    assertThat(ConnectorOption.USER_AGENT.parse(" orders-service/2.1 ", "alloydbUserAgent"))
        .isEqualTo("orders-service/2.1");
    assertThatThrownBy(() -> ConnectorOption.UNIVERSE_DOMAIN.parse("googleapis", "alloydbUniverseDomain"))
        .isInstanceOf(ConnectorConfigException.class)
        .hasMessage("Invalid alloydbUniverseDomain 'googleapis': expected a DNS domain such as googleapis.com"
            + " (letters, digits, - and .)");
    assertThatThrownBy(() -> ConnectorOption.USER_AGENT.parse("app/1\r\nX-Injected: yes", "alloydb.user-agent"))
        .as("control characters are refused and not echoed")
        .isInstanceOf(ConnectorConfigException.class)
        .hasMessage("Invalid alloydb.user-agent 'app/1??X-Injected: yes': expected printable ASCII, at most 256"
            + " characters, such as my-app/1.2");
  }

  @Test
  void listsRejectEmptyEntriesInsteadOfDroppingThem() {
    assertThat(ConnectorOption.DELEGATES.parse(" a@p.iam , b@p.iam ", "alloydbDelegates"))
        .containsExactly("a@p.iam", "b@p.iam");
    assertThatThrownBy(() -> ConnectorOption.DELEGATES.parse("a@p.iam,,b@p.iam", "alloydbDelegates"))
        .isInstanceOf(ConnectorConfigException.class)
        .hasMessage("Invalid alloydbDelegates 'a@p.iam,,b@p.iam': expected comma-separated values, none of them empty");
  }

  @Test
  void flagsAcceptTrueOrFalseOnly() {
    assertThat(ConnectorOption.ENABLE_IAM_AUTH.parse("TRUE", "enableIamAuth")).isTrue();
    assertThatThrownBy(() -> ConnectorOption.ENABLE_IAM_AUTH.parse("yes", "alloydbEnableIAMAuth"))
        .isInstanceOf(ConnectorConfigException.class)
        .hasMessage("Invalid alloydbEnableIAMAuth 'yes': expected true or false");
  }

  @Test
  void credentialsFileMustBeReadable(@TempDir Path directory) throws Exception {
    Path file = Files.writeString(directory.resolve("sa.json"), "{}");

    assertThat(ConnectorOption.CREDENTIALS_FILE.parse(file.toString(), "credentialsFile")).isEqualTo(file);
    assertThatThrownBy(() -> ConnectorOption.CREDENTIALS_FILE.parse(directory.resolve("missing.json").toString(),
        "credentialsFile"))
        .isInstanceOf(ConnectorConfigException.class)
        .hasMessageEndingWith("expected the path of a readable Google credentials JSON file (no readable file there)");
  }

  @Test
  void endpointFollowsTheConnectorConfigurationsRule() {
    assertThat(ConnectorOption.ADMIN_SERVICE_ENDPOINT.parse(" http://127.0.0.1:8080 ", "adminServiceEndpoint"))
        .isEqualTo("http://127.0.0.1:8080");
    assertThatThrownBy(() -> ConnectorOption.ADMIN_SERVICE_ENDPOINT.parse("ftp://h/x", "adminServiceEndpoint"))
        .isInstanceOf(ConnectorConfigException.class)
        .hasMessage("Invalid adminServiceEndpoint 'ftp://h/x': expected host:port, https://host:port, or http://host:port for a loopback host only")
        .hasCauseInstanceOf(ConnectorConfigException.class);
  }

  @Test
  void connectorLevelOptionsSetTheirBuilderMethod() {
    ConnectorConfig.Builder builder = ConnectorConfig.builder();
    ConnectorOption.QUOTA_PROJECT.configure(builder, "quota");
    ConnectorOption.USER.configure(builder, "ignored: a per-connection option");

    assertThat(builder.build().quotaProject()).contains("quota");
    assertThat(ConnectorOption.USER.configuresConnector()).isFalse();
    assertThat(ConnectorOption.REFRESH_STRATEGY.configuresConnector()).isTrue();
  }
}
