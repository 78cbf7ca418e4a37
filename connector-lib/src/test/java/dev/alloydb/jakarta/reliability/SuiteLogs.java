package dev.alloydb.jakarta.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alloydb.jakarta.emulator.AlloyDbEmulator;
import dev.alloydb.jakarta.testkit.secrets.SecretScanner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Captures every log record of the JVM at the finest level while a test class of the suite runs (JUL root at
 * {@code ALL}; {@code System.Logger} goes to JUL too) and fails the class if any record, message or stack trace
 * included, holds a password, an OAuth2 token, a private key or a certificate body. Records are scanned as they are
 * published, so nothing is kept but the findings (by kind and logger, never the secret).
 */
public final class SuiteLogs implements BeforeAllCallback, AfterAllCallback {
  private static final Scanner SCANNER = new Scanner();

  @Override
  public void beforeAll(ExtensionContext context) {
    SCANNER.install();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    List<String> findings = SCANNER.uninstall();
    assertThat(findings).as("secrets in the logs of %s (%d records scanned at level ALL)",
        context.getDisplayName(), SCANNER.records.get()).isEmpty();
  }

  /** Records scanned since the JVM started. */
  static long recordsScanned() {
    return SCANNER.records.get();
  }

  /** Scans {@code text} as if it had been logged; returns the findings. For the scanner's own test. */
  static List<String> scanNow(String text) {
    return SecretScanner.scan(text, SCANNER.secrets());
  }

  /** Findings so far in the current class. */
  static List<String> findings() {
    synchronized (SCANNER) {
      return List.copyOf(SCANNER.findings);
    }
  }

  /** Forgets the findings so far (the scanner's own test plants secrets on purpose). */
  static void forgetFindings() {
    synchronized (SCANNER) {
      SCANNER.findings.clear();
    }
  }

  private static final class Scanner extends Handler {
    private final SimpleFormatter formatter = new SimpleFormatter();
    private final AtomicLong records = new AtomicLong();
    private final List<String> findings = new ArrayList<>();
    private Level previousRootLevel;
    private volatile List<SecretScanner.Secret> fixedSecrets;
    private volatile TokenTap tap;

    synchronized void install() {
      if (fixedSecrets == null) {
        // Resolved before the handler is attached: publish() must never start the emulator itself.
        tap = TokenTap.get();
        fixedSecrets = fixedSecrets(AlloyDbEmulator.shared(), tap);
      }
      Logger root = Logger.getLogger("");
      previousRootLevel = root.getLevel();
      setLevel(Level.ALL);
      root.setLevel(Level.ALL);
      root.addHandler(this);
      findings.clear();
    }

    synchronized List<String> uninstall() {
      Logger root = Logger.getLogger("");
      root.removeHandler(this);
      root.setLevel(previousRootLevel);
      return List.copyOf(findings);
    }

    private static List<SecretScanner.Secret> fixedSecrets(AlloyDbEmulator emulator, TokenTap tap) {
      List<SecretScanner.Secret> secrets = new ArrayList<>();
      secrets.add(new SecretScanner.Secret("database password", emulator.password()));
      for (String line : tap.privateKeyPem().split("\n")) {
        if (!line.startsWith("-----")) {
          secrets.add(new SecretScanner.Secret("service-account private key", line.trim()));
        }
      }
      return secrets;
    }

    List<SecretScanner.Secret> secrets() {
      List<SecretScanner.Secret> secrets = new ArrayList<>(fixedSecrets);
      for (String token : tap.tokens()) {
        secrets.add(new SecretScanner.Secret("OAuth2 access token", token));
      }
      return secrets;
    }

    @Override
    public void publish(LogRecord record) {
      records.incrementAndGet();
      StringBuilder text = new StringBuilder(String.valueOf(formatter.formatMessage(record)));
      if (record.getThrown() != null) {
        StringWriter trace = new StringWriter();
        record.getThrown().printStackTrace(new PrintWriter(trace));
        text.append('\n').append(trace);
      }
      List<String> found = SecretScanner.scan(text.toString(), secrets());
      if (!found.isEmpty()) {
        synchronized (this) {
          for (String kind : found) {
            findings.add(kind + " in a " + record.getLevel() + " record of logger " + record.getLoggerName());
          }
        }
      }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
  }
}
