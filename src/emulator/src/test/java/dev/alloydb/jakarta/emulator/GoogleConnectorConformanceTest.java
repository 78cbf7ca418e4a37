package dev.alloydb.jakarta.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.alloydb.connectors.v1.MetadataExchangeRequest.AuthType;
import dev.alloydb.jakarta.emulator.ProxyConnection.Outcome;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Google's own Java connector (com.google.cloud:alloydb-jdbc-connector) connects through the emulator: the proof
 * that the emulator speaks the real protocol. If these fail, the emulator is wrong, not the connector.
 */
@AlloyDbEmulatorTest
class GoogleConnectorConformanceTest {
  private static AlloyDbEmulator emulator;

  @BeforeAll
  static void start() {
    emulator = AlloyDbEmulator.shared();
    trustEmulatorAdminApi(emulator);
  }

  static void trustEmulatorAdminApi(AlloyDbEmulator emulator) {
    // Google's connector has no option for the Admin API's trust material: its gRPC channel (grpc-netty-shaded)
    // builds its trust manager from the JVM defaults when the channel is created. The JDK re-reads
    // javax.net.ssl.trustStore* whenever a default TrustManagerFactory is initialised and the properties changed
    // (it caches by file and properties, not once per JVM), so setting them before the first Google connection
    // is enough even if something else in this JVM already used TLS. SSLContext.getDefault() would NOT follow a
    // change, but neither the gRPC channel nor the emulator uses it. Surefire runs test classes one after another
    // in one JVM, and every emulator in a JVM has its Admin API certificate from the same JVM-wide CA, so the
    // trust store of any of them trusts all of them and the classes never conflict.
    System.setProperty("javax.net.ssl.trustStore", emulator.trustStore().toString());
    System.setProperty("javax.net.ssl.trustStorePassword", emulator.trustStorePassword());
    System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
  }

  @ParameterizedTest
  @ValueSource(strings = {"PRIVATE", "PUBLIC", "PSC"})
  void passwordLoginOverEachIpType(String ipType) throws Exception {
    Properties props = googleProperties(ipType);
    props.setProperty("user", emulator.passwordUser());
    props.setProperty("password", emulator.password());

    assertThat(currentUser(props)).isEqualTo(emulator.passwordUser());

    List<ProxyConnection> seen = emulator.counters().awaitProxyConnections(1, Duration.ofSeconds(30));
    assertThat(seen).hasSize(1);
    ProxyConnection c = seen.get(0);
    assertThat(c.outcome()).isEqualTo(Outcome.ACCEPTED);
    assertThat(c.ipType()).isEqualTo(ipType);
    assertThat(c.authType()).isEqualTo(AuthType.DB_NATIVE);
    assertThat(c.databaseUser()).isEqualTo(emulator.passwordUser());
    assertThat(c.userAgent()).startsWith("alloydb-java-connector/");
    assertThat(emulator.counters().tokensIssued(TokenService.ALLOYDB_LOGIN)).isPositive();
  }

  @Test
  void iamLoginAsTheServiceAccountsDatabaseUser() throws Exception {
    Properties props = googleProperties("PRIVATE");
    props.setProperty("user", emulator.iamUser());
    props.setProperty("alloydbEnableIAMAuth", "true");

    assertThat(currentUser(props)).isEqualTo(emulator.iamUser());

    ProxyConnection c = emulator.counters().awaitProxyConnections(1, Duration.ofSeconds(30)).get(0);
    assertThat(c.outcome()).isEqualTo(Outcome.ACCEPTED);
    assertThat(c.authType()).isEqualTo(AuthType.AUTO_IAM);
    assertThat(c.databaseUser()).isEqualTo(emulator.iamUser());
  }

  @Test
  void wrongPasswordIsRefusedByPostgres() {
    Properties props = googleProperties("PRIVATE");
    props.setProperty("user", emulator.passwordUser());
    props.setProperty("password", "not-the-password");

    assertThatThrownBy(() -> currentUser(props))
        .isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));
  }

  @Test
  void iamUserWithoutIamAuthIsRefusedByTheEmulator() throws Exception {
    Properties props = googleProperties("PRIVATE");
    props.setProperty("user", emulator.iamUser());
    props.setProperty("password", "anything");

    assertThatThrownBy(() -> currentUser(props))
        .isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28000"))
        .hasMessageContaining("AUTO_IAM");
    ProxyConnection c = emulator.counters().awaitProxyConnections(1, Duration.ofSeconds(30)).get(0);
    assertThat(c.outcome()).isEqualTo(Outcome.REFUSED_LOGIN);
  }

  static Properties googleProperties(String ipType) {
    return googleProperties(emulator, emulator.instance(), ipType);
  }

  static Properties googleProperties(AlloyDbEmulator emulator, EmulatedInstance instance, String ipType) {
    Properties props = new Properties();
    props.setProperty("socketFactory", "com.google.cloud.alloydb.SocketFactory");
    props.setProperty("alloydbInstanceName", instance.uri());
    props.setProperty("alloydbAdminServiceEndpoint", emulator.adminApiGrpcTlsEndpoint());
    props.setProperty("alloydbGoogleCredentialsPath", emulator.credentialsFile().toString());
    props.setProperty("alloydbIpType", ipType);
    return props;
  }

  static String currentUser(Properties props) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:postgresql:///postgres", props);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT current_user")) {
      assertThat(rs.next()).isTrue();
      return rs.getString(1);
    }
  }
}
