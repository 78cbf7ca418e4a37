package dev.alloydb.jakarta.connector.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.auth.oauth2.GoogleCredentials;
import dev.alloydb.jakarta.connector.Connector;
import dev.alloydb.jakarta.connector.ConnectorConfig;
import dev.alloydb.jakarta.connector.ConnectorRegistry;
import dev.alloydb.jakarta.connector.SocketFactory;
import dev.alloydb.jakarta.emulator.AdminCall;
import dev.alloydb.jakarta.emulator.AlloyDbEmulator;
import dev.alloydb.jakarta.emulator.ProxyConnection;
import java.io.InputStream;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Credential sources, impersonation, token caching and the user agent, against the emulator. */
class CredentialsTest {
  private final AlloyDbEmulator emulator = EmulatorSupport.emulator();
  private final String uri = EmulatorSupport.instanceUri();

  @BeforeEach
  @AfterEach
  void reset() {
    EmulatorSupport.resetEmulator();
  }

  private static String currentUser(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select current_user")) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void tokensAreFetchedOncePerScopeNotPerConnection() throws Exception {
    try (Connector connector = Connector.create(EmulatorSupport.config().build())) {
      for (int i = 0; i < 5; i++) {
        try (Connection c = connector.connect(uri, EmulatorSupport.passwordLogin())) {
          assertThat(currentUser(c)).isEqualTo(emulator.passwordUser());
        }
        try (Connection c = connector.connect(uri, EmulatorSupport.iamLogin())) {
          assertThat(currentUser(c)).isEqualTo(emulator.iamUser());
        }
      }
    }
    assertThat(emulator.counters().tokensIssued(AlloyDbEmulator.SCOPE_ALLOYDB_LOGIN)).isEqualTo(1);
    assertThat(emulator.counters().tokensIssued(AlloyDbEmulator.SCOPE_CLOUD_PLATFORM)).isEqualTo(1);
  }

  @Test
  void loginTokenIsRefreshedShortlyBeforeItExpires() throws Exception {
    RefreshPolicyTest.MutableClock clock = new RefreshPolicyTest.MutableClock(java.time.Instant.now());
    try (ConnectorCore core = ConnectorCore.start(EmulatorSupport.config().build(), clock, RefreshPolicy.DEFAULT,
        Dialer.SERVER_PROXY_PORT)) {
      for (int i = 0; i < 3; i++) {
        PgjdbcConnections.connect(core, uri, EmulatorSupport.passwordLogin()).close();
      }
      assertThat(emulator.counters().tokensIssued(AlloyDbEmulator.SCOPE_ALLOYDB_LOGIN)).isEqualTo(1);
      clock.advance(java.time.Duration.ofMinutes(50));
      PgjdbcConnections.connect(core, uri, EmulatorSupport.passwordLogin()).close();
      assertThat(emulator.counters().tokensIssued(AlloyDbEmulator.SCOPE_ALLOYDB_LOGIN)).isEqualTo(1);
      clock.advance(java.time.Duration.ofMinutes(6));
      PgjdbcConnections.connect(core, uri, EmulatorSupport.passwordLogin()).close();
      assertThat(emulator.counters().tokensIssued(AlloyDbEmulator.SCOPE_ALLOYDB_LOGIN))
          .as("within 5 minutes of expiry: a new token").isEqualTo(2);
    }
  }

  @Test
  void impersonationLogsInAsTheTargetPrincipal() throws Exception {
    ConnectorConfig config = EmulatorSupport.config().targetPrincipal(emulator.impersonationTargetEmail()).build();
    try (ConnectorCore core = ConnectorCore.startWithIamEndpoint(config, emulator.generateAccessTokenUrl())) {
      Properties info = new Properties();
      info.setProperty("user", emulator.impersonationTargetIamUser());
      info.setProperty("enableIamAuth", "true");
      try (Connection c = PgjdbcConnections.connect(core, uri, info)) {
        assertThat(currentUser(c)).isEqualTo(emulator.impersonationTargetIamUser());
      }
    }
  }

  @Test
  void credentialsObjectAndSupplierWork() throws Exception {
    GoogleCredentials credentials;
    try (InputStream in = Files.newInputStream(emulator.credentialsFile())) {
      credentials = GoogleCredentials.fromStream(in);
    }
    AtomicInteger supplied = new AtomicInteger();
    ConnectorConfig viaObject = EmulatorSupport.config().credentialsFile(null).credentials(credentials).build();
    ConnectorConfig viaSupplier = EmulatorSupport.config().credentialsFile(null).credentialsSupplier(() -> {
      supplied.incrementAndGet();
      return credentials;
    }).build();
    for (ConnectorConfig config : new ConnectorConfig[] {viaObject, viaSupplier}) {
      try (Connector connector = Connector.create(config);
          Connection first = connector.connect(uri, EmulatorSupport.passwordLogin());
          Connection second = connector.connect(uri, EmulatorSupport.iamLogin())) {
        assertThat(currentUser(first)).isEqualTo(emulator.passwordUser());
        assertThat(currentUser(second)).isEqualTo(emulator.iamUser());
      }
    }
    assertThat(supplied).hasValue(1);
  }

  @Test
  void userAgentWithSuffixReachesTheAdminApiAndTheExchange() throws Exception {
    String expected = "alloydb-jakarta-connector/" + UserAgent.VERSION + " my-app/1.0";
    assertThat(UserAgent.VERSION).isNotEqualTo("unknown").doesNotContain("${");
    try (Connector connector = Connector.create(EmulatorSupport.config().userAgent("my-app/1.0")
        .quotaProject("billing-project").build());
        Connection c = connector.connect(uri, EmulatorSupport.passwordLogin())) {
      assertThat(c.isValid(5)).isTrue();
    }
    assertThat(emulator.counters().adminCallLog()).hasSize(2)
        .extracting(AdminCall::userAgent).allSatisfy(agent -> assertThat(agent).contains(expected));
    assertThat(emulator.counters().proxyConnections()).extracting(ProxyConnection::userAgent)
        .containsExactly(expected);
  }

  @Test
  void userAgentFromTheJdbcPropertyReachesTheAdminApiAndTheExchange() throws Exception {
    String expected = "alloydb-jakarta-connector/" + UserAgent.VERSION + " orders-service/2.1";
    Properties p = EmulatorSupport.socketFactoryProperties(emulator);
    p.setProperty(SocketFactory.USER_AGENT, " orders-service/2.1 ");
    p.putAll(EmulatorSupport.passwordLogin());
    try (Connection c = DriverManager.getConnection("jdbc:postgresql:///postgres", p)) {
      assertThat(currentUser(c)).isEqualTo(emulator.passwordUser());
    } finally {
      ConnectorRegistry.reset();
    }
    assertThat(emulator.counters().adminCallLog()).hasSize(2)
        .extracting(AdminCall::userAgent).allSatisfy(agent -> assertThat(agent).contains(expected));
    assertThat(emulator.counters().proxyConnections()).extracting(ProxyConnection::userAgent)
        .containsExactly(expected);
  }
}
