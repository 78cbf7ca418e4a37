package dev.alloydb.jakarta.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The embedded PostgreSQL really checks passwords (zonky initialises it with trust authentication), so password
 * tests through the proxy prove something, and the IAM user cannot be reached around the emulator.
 */
class PostgresAuthenticationTest {
  private static AlloyDbEmulator emulator;

  @BeforeAll
  static void start() {
    emulator = AlloyDbEmulator.shared();
  }

  @Test
  void passwordUserLogsInDirectlyWithItsPassword() throws SQLException {
    try (Connection c = connect(emulator.passwordUser(), emulator.password());
        ResultSet rs = c.createStatement().executeQuery("SELECT current_user")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo(emulator.passwordUser());
    }
  }

  @Test
  void wrongOrMissingPasswordsAreRefused() {
    assertRefused(emulator.passwordUser(), "wrong");
    assertRefused(emulator.passwordUser(), null);
    assertRefused("postgres", null);
    assertRefused(emulator.iamUser(), null);
    assertRefused(emulator.iamUser(), emulator.password());
  }

  private static void assertRefused(String user, String password) {
    assertThatThrownBy(() -> connect(user, password).close())
        .isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isIn("28P01", "28000", "08004"));
  }

  private static Connection connect(String user, String password) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", user);
    if (password != null) {
      p.setProperty("password", password);
    }
    return DriverManager.getConnection(emulator.directJdbcUrl(), p);
  }
}
