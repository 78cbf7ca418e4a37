package dev.alloydb.jakarta.benchmark;

import com.google.cloud.alloydb.ConnectorConfig;
import com.google.cloud.alloydb.ConnectorRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Google's connector, fresh each time: every {@link #start()} registers a new named connector (Google's documented way
 * to get a connector of one's own) and connects through it with {@code alloydbNamedConnector}; closing the session
 * closes that connector.
 */
final class GoogleColdClient implements ColdClient {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private final String url;
  private final Properties properties;
  private final String adminEndpoint;
  private final Path credentialsFile;

  GoogleColdClient(String url, Properties properties, String adminEndpoint, Path credentialsFile) {
    this.url = url;
    this.properties = new Properties();
    this.properties.putAll(properties);
    this.adminEndpoint = adminEndpoint;
    this.credentialsFile = credentialsFile;
  }

  @Override
  public String id() {
    return "google";
  }

  @Override
  public String label() {
    return "Google's connector 1.4.0 (named connector)";
  }

  @Override
  public Session start() {
    String name = "bench-google-" + SEQUENCE.incrementAndGet();
    ConnectorRegistry.register(name, new ConnectorConfig.Builder()
        .withAdminServiceEndpoint(adminEndpoint)
        .withGoogleCredentialsPath(credentialsFile.toString())
        .build());
    Properties named = new Properties();
    named.putAll(properties);
    named.setProperty("alloydbNamedConnector", name);
    return new Session() {
      @Override
      public Connection open() throws SQLException {
        return DriverManager.getConnection(url, named);
      }

      @Override
      public void close() {
        ConnectorRegistry.close(name);
      }
    };
  }
}
