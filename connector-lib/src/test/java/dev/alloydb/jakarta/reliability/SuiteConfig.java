package dev.alloydb.jakarta.reliability;

import dev.alloydb.jakarta.connector.ConnectorConfig;
import dev.alloydb.jakarta.connector.SocketFactory;
import dev.alloydb.jakarta.connector.internal.EmulatorSupport;
import dev.alloydb.jakarta.emulator.AlloyDbEmulator;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** The suite's connector settings: the shared emulator, with tokens fetched through the {@link TokenTap}. */
final class SuiteConfig {
  private SuiteConfig() {
  }

  static AlloyDbEmulator emulator() {
    return AlloyDbEmulator.shared();
  }

  static ConnectorConfig.Builder config() {
    return EmulatorSupport.config().credentialsFile(TokenTap.get().credentialsFile());
  }

  static String instanceUri() {
    return emulator().instance().uri();
  }

  /** pgjdbc/HikariCP data-source properties for the socket factory, password login. */
  static Properties socketFactoryProperties() {
    Properties p = new Properties();
    p.setProperty("socketFactory", SocketFactory.class.getName());
    p.setProperty("sslmode", "disable");
    p.setProperty(SocketFactory.INSTANCE_NAME, instanceUri());
    p.setProperty(SocketFactory.ADMIN_SERVICE_ENDPOINT, emulator().adminApiRestEndpoint());
    p.setProperty(SocketFactory.GOOGLE_CREDENTIALS_PATH, TokenTap.get().credentialsFile().toString());
    p.setProperty("user", emulator().passwordUser());
    p.setProperty("password", emulator().password());
    return p;
  }

  /** Runs a small query that proves the connection works end to end; returns the backend's process id. */
  static int use(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("select pg_backend_pid(), count(*) from generate_series(1, 10)")) {
      if (!rs.next() || rs.getInt(2) != 10) {
        throw new SQLException("unexpected query result");
      }
      return rs.getInt(1);
    }
  }
}
