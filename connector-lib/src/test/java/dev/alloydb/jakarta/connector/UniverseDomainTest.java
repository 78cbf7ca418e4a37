package dev.alloydb.jakarta.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alloydb.jakarta.connector.internal.EmulatorSupport;
import dev.alloydb.jakarta.emulator.AdminCall;
import dev.alloydb.jakarta.emulator.AlloyDbEmulator;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Universe domains (Trusted Partner Cloud) against an emulator that plays {@value #UNIVERSE}: its credentials files
 * name that universe. {@code alloydb.example-universe.test} does not resolve, so the connector is given the
 * emulator's Admin API endpoint explicitly; the endpoint the universe implies is checked in {@code ConnectorConfigTest}.
 */
class UniverseDomainTest {
  private static final String UNIVERSE = "example-universe.test";
  private static AlloyDbEmulator partnerCloud;
  private final AlloyDbEmulator googleCloud = EmulatorSupport.emulator();

  @BeforeAll
  static void start() throws IOException {
    partnerCloud = AlloyDbEmulator.builder().universeDomain(UNIVERSE).start();
  }

  @AfterAll
  static void stop() {
    ConnectorRegistry.reset();
    partnerCloud.close();
  }

  @BeforeEach
  void reset() {
    EmulatorSupport.resetEmulator();
    partnerCloud.counters().reset();
  }

  private static ConnectorConfig.Builder partnerConfig() {
    return ConnectorConfig.builder().universeDomain(UNIVERSE).adminServiceEndpoint(partnerCloud.adminApiRestEndpoint())
        .credentialsFile(partnerCloud.credentialsFile());
  }

  @Test
  void credentialsOfTheConfiguredUniverseConnect() throws Exception {
    Properties iam = new Properties();
    iam.setProperty("user", partnerCloud.iamUser());
    iam.setProperty("enableIamAuth", "true");
    String uri = partnerCloud.instance().uri();
    try (Connector connector = Connector.create(partnerConfig().build());
        Connection password = connector.connect(uri, partnerCloud.passwordLogin());
        Connection iamLogin = connector.connect(uri, iam)) {
      assertThat(LoginTest.currentUser(password)).isEqualTo(partnerCloud.passwordUser());
      assertThat(LoginTest.currentUser(iamLogin)).isEqualTo(partnerCloud.iamUser());
    }
    assertThat(partnerCloud.counters().adminCallLog()).isNotEmpty().extracting(AdminCall::principal)
        .containsOnly(partnerCloud.serviceAccountEmail());
  }

  @Test
  void jdbcPropertySelectsTheUniverse() throws Exception {
    Properties p = EmulatorSupport.socketFactoryProperties(partnerCloud);
    p.setProperty(SocketFactory.UNIVERSE_DOMAIN, UNIVERSE);
    p.putAll(partnerCloud.passwordLogin());
    try (Connection c = DriverManager.getConnection("jdbc:postgresql:///postgres", p)) {
      assertThat(LoginTest.currentUser(c)).isEqualTo(partnerCloud.passwordUser());
    }
  }

  @Test
  void credentialsOfAnotherUniverseAreRefusedBeforeAnyCall() {
    assertThatThrownBy(() -> Connector.create(EmulatorSupport.config().universeDomain(UNIVERSE).build()))
        .isInstanceOf(ConnectorConfigException.class)
        .hasMessage("The credentials belong to universe domain 'googleapis.com', but the connector is configured for"
            + " universe domain 'example-universe.test': set universeDomain to 'googleapis.com' or use credentials of"
            + " 'example-universe.test'");
    assertThatThrownBy(() -> AsyncConnector.create(partnerConfig().universeDomain("googleapis.com").build()))
        .isInstanceOf(ConnectorConfigException.class)
        .hasMessageStartingWith("The credentials belong to universe domain 'example-universe.test', but the"
            + " connector is configured for universe domain 'googleapis.com'");
    for (AlloyDbEmulator emulator : new AlloyDbEmulator[] {googleCloud, partnerCloud}) {
      assertThat(emulator.counters().adminCallLog()).as("Admin API calls").isEmpty();
      assertThat(emulator.counters().tokensIssued()).as("tokens issued").isZero();
    }
  }

  @Test
  void iamLoginCredentialsOfAnotherUniverseAreRefusedToo() {
    ConnectorConfig config = EmulatorSupport.config()
        .iamLoginCredentialsFile(partnerCloud.impersonationTargetCredentialsFile()).build();
    assertThatThrownBy(() -> Connector.create(config))
        .isInstanceOf(ConnectorConfigException.class)
        .hasMessageStartingWith("The IAM login credentials belong to universe domain 'example-universe.test', but"
            + " the connector is configured for universe domain 'googleapis.com'");
    assertThat(googleCloud.counters().adminCallLog()).isEmpty();
  }
}
