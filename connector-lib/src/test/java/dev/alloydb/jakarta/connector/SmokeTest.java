package dev.alloydb.jakarta.connector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alloydb.jakarta.connector.internal.EmulatorSupport;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void passwordLogin() throws Exception {
    try (Connector connector = Connector.create(EmulatorSupport.config().build());
        Connection c = connector.connect(EmulatorSupport.instanceUri(), EmulatorSupport.passwordLogin());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select current_user")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo(EmulatorSupport.emulator().passwordUser());
    }
  }
}
