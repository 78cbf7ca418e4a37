package dev.alloydb.jakarta.connector.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alloydb.jakarta.connector.AsyncConnector;
import dev.alloydb.jakarta.connector.Connector;
import dev.alloydb.jakarta.connector.RefreshStrategy;
import dev.alloydb.jakarta.emulator.AlloyDbEmulator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Captures every log record of the JVM at the finest level during password and IAM connects (and a refused one)
 * and finds no password, OAuth2 token, signed assertion, private key or certificate body.
 */
class LogSecrecyTest {
  private static final Pattern EMULATOR_TOKEN = Pattern.compile("emu\\.[A-Za-z0-9_-]{16,}");
  private static final Pattern PEM_BODY =
      Pattern.compile("-----BEGIN [A-Z ]+-----(\\\\n|\\s)*[A-Za-z0-9+/]{20}");
  private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

  private final List<String> captured = new ArrayList<>();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      StringWriter text = new StringWriter();
      text.append(record.getLoggerName()).append(' ').append(String.valueOf(record.getMessage()));
      if (record.getParameters() != null) {
        for (Object parameter : record.getParameters()) {
          text.append(' ').append(String.valueOf(parameter));
        }
      }
      if (record.getThrown() != null) {
        record.getThrown().printStackTrace(new PrintWriter(text));
      }
      synchronized (captured) {
        captured.add(text.toString());
      }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
  };
  private Level savedLevel;

  @BeforeEach
  void captureEverything() {
    EmulatorSupport.emulator();
    EmulatorSupport.resetEmulator();
    Logger root = LogManager.getLogManager().getLogger("");
    savedLevel = root.getLevel();
    root.setLevel(Level.ALL);
    capture.setLevel(Level.ALL);
    root.addHandler(capture);
  }

  @AfterEach
  void restore() {
    Logger root = LogManager.getLogManager().getLogger("");
    root.removeHandler(capture);
    root.setLevel(savedLevel);
    EmulatorSupport.resetEmulator();
  }

  @Test
  void noSecretInAnyLogRecord() throws Exception {
    AlloyDbEmulator emulator = EmulatorSupport.emulator();
    String uri = EmulatorSupport.instanceUri();
    for (RefreshStrategy strategy : RefreshStrategy.values()) {
      try (Connector connector = Connector.create(EmulatorSupport.config().refreshStrategy(strategy).build());
          AsyncConnector async = AsyncConnector.create(EmulatorSupport.config().refreshStrategy(strategy).build())) {
        try (Connection c = connector.connect(uri, EmulatorSupport.passwordLogin())) {
          assertThat(c.isValid(5)).isTrue();
        }
        try (Connection c = async.connect(uri, EmulatorSupport.iamLogin()).toCompletableFuture()
            .get(60, TimeUnit.SECONDS)) {
          assertThat(c.isValid(5)).isTrue();
        }
        emulator.faults().proxyExchangeError("refused for the log test");
        assertThatThrownBy(() -> connector.connect(uri, EmulatorSupport.passwordLogin()))
            .isInstanceOf(SQLException.class);
        emulator.faults().reset();
      }
    }
    String all;
    synchronized (captured) {
      assertThat(captured).as("the test captured the connector's debug records")
          .anyMatch(line -> line.contains("Refresh done") || line.contains("Lazy refresh started"));
      all = String.join("\n", captured);
    }
    assertThat(all).doesNotContain(emulator.password());
    assertThat(captured).as("records with an OAuth2 access token")
        .filteredOn(line -> EMULATOR_TOKEN.matcher(line).find())
        .extracting(line -> line.substring(0, Math.min(120, line.length()))).isEmpty();
    assertThat(JWT.matcher(all).find()).as("a signed JWT in the logs").isFalse();
    assertThat(PEM_BODY.matcher(all).find()).as("a PEM body (key or certificate) in the logs").isFalse();
    String credentials = Files.readString(emulator.credentialsFile());
    String keyLine = credentials.substring(credentials.indexOf("MII"), credentials.indexOf("MII") + 40);
    assertThat(all).doesNotContain(keyLine);
  }
}
