package dev.alloydb.jakarta.connector.internal;

import dev.alloydb.jakarta.connector.ConnectorConfig;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The user agent sent to the Admin API and in the metadata exchange. */
final class UserAgent {
  static final String PRODUCT = "alloydb-jakarta-connector";
  static final String VERSION = readVersion();

  private UserAgent() {
  }

  static String of(ConnectorConfig config) {
    return PRODUCT + "/" + VERSION + config.userAgent().map(suffix -> " " + suffix).orElse("");
  }

  private static String readVersion() {
    try (InputStream in = UserAgent.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
