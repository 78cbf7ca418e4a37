package dev.alloydb.jakarta.connector.internal;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps HTTP wire logging of the Admin API and OAuth2 traffic at {@code INFO} or above. Below that,
 * google-http-client logs request and response bodies (access tokens, client certificates) and the JDK's
 * {@code HttpURLConnection} logs request headers ({@code Authorization: Bearer ...}), so a JVM-wide {@code FINE}
 * or {@code ALL} level would write the connector's secrets to the server log. Only these two loggers are touched,
 * and only made quieter.
 */
final class WireLogs {
  private static final List<String> NAMES = List.of(
      "com.google.api.client.http.HttpTransport",
      "sun.net.www.protocol.http.HttpURLConnection");
  /** Strong references: JUL keeps loggers weakly, and a collected logger forgets its level. */
  private static final List<Logger> LOGGERS = NAMES.stream().map(Logger::getLogger).toList();

  private WireLogs() {
  }

  static void quiet() {
    for (Logger logger : LOGGERS) {
      Level level = logger.getLevel();
      if (level == null || level.intValue() < Level.INFO.intValue()) {
        logger.setLevel(Level.INFO);
      }
    }
  }
}
