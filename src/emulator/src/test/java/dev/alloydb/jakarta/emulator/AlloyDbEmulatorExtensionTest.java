package dev.alloydb.jakarta.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** {@link AlloyDbEmulatorTest} as a user's test sees it: a running emulator, its JDBC settings, fresh knobs. */
@AlloyDbEmulatorTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AlloyDbEmulatorExtensionTest {

  @Test
  @Order(1)
  void injectsTheRunningEmulatorWhoseDatabaseAnswers(AlloyDbEmulator emulator, EmulatedInstance instance)
      throws Exception {
    assertThat(emulator).isSameAs(AlloyDbEmulator.shared());
    assertThat(instance).isEqualTo(emulator.instance());
    try (Connection connection = DriverManager.getConnection(emulator.directJdbcUrl(), emulator.passwordLogin());
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("select current_user")) {
      assertThat(row.next()).isTrue();
      assertThat(row.getString(1)).isEqualTo(emulator.passwordUser());
    }
    emulator.faults().clientCertificateLifetime(Duration.ofMinutes(5));
  }

  @Test
  @Order(2)
  void resetsTheFaultsAnEarlierTestSwitched(AlloyDbEmulator emulator) {
    assertThat(emulator.faults().clientCertificateLifetime()).isNull();
  }
}
