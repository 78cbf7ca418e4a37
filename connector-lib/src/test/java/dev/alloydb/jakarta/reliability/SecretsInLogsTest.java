package dev.alloydb.jakarta.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alloydb.jakarta.connector.AsyncConnector;
import dev.alloydb.jakarta.connector.Connector;
import dev.alloydb.jakarta.connector.ConnectorRegistry;
import dev.alloydb.jakarta.connector.internal.EmulatorSupport;
import dev.alloydb.jakarta.emulator.AlloyDbEmulator;
import io.grpc.Status;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Password and IAM logins, successful and failing, through every entry point, with every logger of the JVM at its
 * finest level ({@link SuiteLogs}, which also guards every other class of the suite). No password, OAuth2 token
 * (each one the emulator issued is known through the {@link TokenTap}), private key or certificate body may appear
 * in a log record or in an error message.
 */
@ExtendWith(SuiteLogs.class)
class SecretsInLogsTest {
  private final AlloyDbEmulator emulator = SuiteConfig.emulator();
  private final List<String> messages = new ArrayList<>();

  @AfterEach
  void reset() {
    EmulatorSupport.resetEmulator();
  }

  @AfterAll
  static void closeConnectors() {
    ConnectorRegistry.reset();
  }

  @Test
  void noSecretInLogsOrMessagesAcrossLoginsAndFailures() throws Exception {
    long recordsBefore = SuiteLogs.recordsScanned();
    try (Connector connector = Connector.create(SuiteConfig.config().build());
        AsyncConnector async = AsyncConnector.create(SuiteConfig.config().build())) {
      String uri = SuiteConfig.instanceUri();
      for (Properties login : List.of(EmulatorSupport.passwordLogin(), EmulatorSupport.iamLogin())) {
        try (Connection c = connector.connect(uri, login)) {
          SuiteConfig.use(c);
        }
        try (Connection c = async.connect(uri, login).toCompletableFuture().get(1, TimeUnit.MINUTES)) {
          SuiteConfig.use(c);
        }
      }
      try (Connection c = DriverManager.getConnection("jdbc:postgresql:///postgres",
          SuiteConfig.socketFactoryProperties())) {
        SuiteConfig.use(c);
      }

      Properties wrongPassword = EmulatorSupport.passwordLogin();
      wrongPassword.setProperty("password", emulator.password() + "-wrong");
      expectFailure(() -> connector.connect(uri, wrongPassword));
      Properties iamAsOtherUser = EmulatorSupport.iamLogin();
      iamAsOtherUser.setProperty("user", emulator.passwordUser());
      expectFailure(() -> connector.connect(uri, iamAsOtherUser));
      Properties passwordAsIamUser = EmulatorSupport.passwordLogin();
      passwordAsIamUser.setProperty("user", emulator.iamUser());
      expectFailure(() -> connector.connect(uri, passwordAsIamUser));
      emulator.faults().proxyExchangeError("refused by the reliability suite");
      expectFailure(() -> connector.connect(uri, EmulatorSupport.passwordLogin()));
      emulator.faults().proxyExchangeError(null);
      emulator.faults().proxyCloseAfterHandshake(true);
      expectFailure(() -> connector.connect(uri, EmulatorSupport.iamLogin()));
      emulator.faults().proxyCloseAfterHandshake(false);
      emulator.faults().adminError(Status.Code.PERMISSION_DENIED);
      try (Connector cold = Connector.create(SuiteConfig.config().build())) {
        expectFailure(() -> cold.connect(uri, EmulatorSupport.passwordLogin()));
      }
      try (AsyncConnector cold = AsyncConnector.create(SuiteConfig.config().build())) {
        expectFailure(() -> {
          try {
            return cold.connect(uri, EmulatorSupport.iamLogin()).toCompletableFuture().get(1, TimeUnit.MINUTES);
          } catch (ExecutionException e) {
            throw (SQLException) e.getCause();
          } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new SQLException(e);
          }
        });
      }
    }

    System.out.printf("secrets: %d log records scanned at level ALL in this test (%d in the JVM so far), %d tokens"
        + " known, %d error messages checked%n", SuiteLogs.recordsScanned() - recordsBefore,
        SuiteLogs.recordsScanned(), TokenTap.get().tokens().size(), messages.size());
    assertThat(TokenTap.get().tokens()).as("tokens issued through the tap").isNotEmpty();
    assertThat(SuiteLogs.recordsScanned() - recordsBefore).as("log records scanned").isGreaterThan(100);
    assertThat(messages).hasSize(7).allSatisfy(m -> assertThat(SuiteLogs.scanNow(m)).as(m).isEmpty());
    assertThat(SuiteLogs.findings()).isEmpty();
  }

  @Test
  void theScanFindsPlantedSecretsInBothLoggingApis() {
    String token = TokenTap.get().tokens().isEmpty() ? "emu.planted-token-value-000000000000" : TokenTap.get()
        .tokens().get(0);
    System.getLogger("dev.alloydb.jakarta.reliability.planted")
        .log(System.Logger.Level.TRACE, "password=" + emulator.password());
    Logger.getLogger("dev.alloydb.jakarta.reliability.planted")
        .log(Level.FINEST, "token", new IllegalStateException("Bearer " + token));
    Logger.getLogger("dev.alloydb.jakarta.reliability.planted")
        .finest("-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUOfuWlwAbXF0ZWd1aWRhbmNlLmNvbTAeFw0yNjAxMDEwMDAwMDBa\n");
    try {
      assertThat(SuiteLogs.findings())
          .anyMatch(f -> f.startsWith("database password in a FINER record"))
          .anyMatch(f -> f.startsWith("OAuth2 access token in a FINEST record"))
          .anyMatch(f -> f.startsWith("PEM block with its body"))
          .anyMatch(f -> f.startsWith("certificate or key body"));
    } finally {
      SuiteLogs.forgetFindings();
    }
  }

  private interface Connect {
    Connection open() throws SQLException;
  }

  private void expectFailure(Connect connect) {
    try (Connection c = connect.open()) {
      throw new AssertionError("connected although it should have failed");
    } catch (SQLException e) {
      StringBuilder all = new StringBuilder();
      for (Throwable t = e; t != null; t = t.getCause()) {
        all.append(t).append('\n');
      }
      messages.add(all.toString());
    }
  }
}
