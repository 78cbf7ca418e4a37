package dev.alloydb.jakarta.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The relay carries a whole session both ways and leaves no PostgreSQL backend behind when the client leaves. */
@AlloyDbEmulatorTest
class ProxyRelayTest {
  private static AlloyDbEmulator emulator;

  @BeforeAll
  static void start() {
    emulator = AlloyDbEmulator.shared();
    GoogleConnectorConformanceTest.trustEmulatorAdminApi(emulator);
  }

  @Test
  void largeResultsFlowAndClosedClientsEndTheirBackend() throws Exception {
    Properties props = GoogleConnectorConformanceTest.googleProperties(emulator, emulator.instance(), "PRIVATE");
    props.setProperty("user", emulator.passwordUser());
    props.setProperty("password", emulator.password());
    props.setProperty("ApplicationName", "relay-test");
    try (Connection c = DriverManager.getConnection("jdbc:postgresql:///postgres", props);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT sum(length(repeat('x', g))) FROM generate_series(1, 2000) g")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).isEqualTo(2000L * 2001 / 2);
      try (ResultSet big = s.executeQuery("SELECT repeat('y', 4 * 1024 * 1024)")) {
        assertThat(big.next()).isTrue();
        assertThat(big.getString(1)).hasSize(4 * 1024 * 1024);
      }
      assertThat(backends("relay-test")).isEqualTo(1);
    }
    // The backend ends asynchronously after the client's Terminate: poll with a generous deadline.
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (backends("relay-test") > 0 && System.nanoTime() < deadline) {
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
    assertThat(backends("relay-test")).isZero();
  }

  private static int backends(String applicationName) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", emulator.passwordUser());
    p.setProperty("password", emulator.password());
    try (Connection c = DriverManager.getConnection(emulator.directJdbcUrl(), p);
        var ps = c.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE application_name = ?")) {
      ps.setString(1, applicationName);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
