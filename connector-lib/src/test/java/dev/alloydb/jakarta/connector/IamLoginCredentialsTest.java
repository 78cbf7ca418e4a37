package dev.alloydb.jakarta.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alloydb.jakarta.connector.internal.EmulatorSupport;
import dev.alloydb.jakarta.emulator.AdminCall;
import dev.alloydb.jakarta.emulator.AlloyDbEmulator;
import dev.alloydb.jakarta.emulator.ProxyConnection;
import dev.alloydb.jakarta.emulator.ProxyConnection.Outcome;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Separate credentials for the IAM database login: the Admin API is called as the emulator's first service account,
 * while the metadata exchange carries a token of its second one, whose IAM database user is the only one it may log
 * in as.
 */
class IamLoginCredentialsTest {
  private final AlloyDbEmulator emulator = EmulatorSupport.emulator();
  private final String uri = EmulatorSupport.instanceUri();

  @BeforeEach
  @AfterEach
  void reset() {
    EmulatorSupport.resetEmulator();
    ConnectorRegistry.reset();
  }

  private Properties iamLogin(String user) {
    Properties info = new Properties();
    info.setProperty("user", user);
    info.setProperty("enableIamAuth", "true");
    return info;
  }

  @Test
  void adminApiAsOneAccountIamLoginAsTheOther() throws Exception {
    ConnectorConfig config = EmulatorSupport.config()
        .iamLoginCredentialsFile(emulator.impersonationTargetCredentialsFile()).build();
    try (Connector connector = Connector.create(config)) {
      try (Connection c = connector.connect(uri, iamLogin(emulator.impersonationTargetIamUser()))) {
        assertThat(LoginTest.currentUser(c)).isEqualTo(emulator.impersonationTargetIamUser());
      }
      assertThatThrownBy(() -> connector.connect(uri, iamLogin(emulator.iamUser())))
          .as("the Admin API account's IAM user: its token is not the one sent")
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(SqlStates.INVALID_AUTHORIZATION));
    }
    assertThat(emulator.counters().adminCallLog()).isNotEmpty().extracting(AdminCall::principal)
        .containsOnly(emulator.serviceAccountEmail());
    assertThat(emulator.counters().awaitProxyConnections(2, Duration.ofSeconds(30)))
        .extracting(ProxyConnection::databaseUser, ProxyConnection::outcome)
        .containsExactly(Tuple.tuple(emulator.impersonationTargetIamUser(), Outcome.ACCEPTED),
            Tuple.tuple(emulator.iamUser(), Outcome.REFUSED_LOGIN));
  }

  @Test
  void jdbcPropertyNamesTheLoginCredentials() throws Exception {
    Properties p = EmulatorSupport.socketFactoryProperties(emulator);
    p.setProperty(SocketFactory.IAM_LOGIN_CREDENTIALS_PATH, emulator.impersonationTargetCredentialsFile().toString());
    p.setProperty(SocketFactory.ENABLE_IAM_AUTH, "true");
    p.setProperty("user", emulator.impersonationTargetIamUser());
    try (Connection c = DriverManager.getConnection("jdbc:postgresql:///postgres", p)) {
      assertThat(LoginTest.currentUser(c)).isEqualTo(emulator.impersonationTargetIamUser());
    }
    assertThat(emulator.counters().adminCallLog()).extracting(AdminCall::principal)
        .containsOnly(emulator.serviceAccountEmail());
  }

  @Test
  void unreadableLoginCredentialsFileIsNamed() {
    assertThatThrownBy(() -> ConnectorOption.IAM_LOGIN_CREDENTIALS_FILE.parse("/nonexistent/login.json",
        SocketFactory.IAM_LOGIN_CREDENTIALS_PATH))
        .isInstanceOf(ConnectorConfigException.class)
        .hasMessage("Invalid alloydbIamLoginCredentialsPath '/nonexistent/login.json': expected the path of a"
            + " readable Google credentials JSON file (no readable file there)");
  }
}
