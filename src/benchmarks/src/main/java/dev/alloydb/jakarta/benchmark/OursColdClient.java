package dev.alloydb.jakarta.benchmark;

import dev.alloydb.jakarta.connector.Connector;
import dev.alloydb.jakarta.connector.ConnectorConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/** This connector, fresh each time: every {@link #start()} creates a new {@link Connector}; closing it ends it. */
final class OursColdClient implements ColdClient {

  private final ConnectorConfig config;
  private final String instanceUri;
  private final Properties login;

  private OursColdClient(ConnectorConfig config, String instanceUri, Properties login) {
    this.config = config;
    this.instanceUri = instanceUri;
    this.login = login;
  }

  static OursColdClient create(String restEndpoint, Path credentialsFile, String instanceUri, Properties login) {
    ConnectorConfig config = ConnectorConfig.builder()
        .adminServiceEndpoint(restEndpoint)
        .credentialsFile(credentialsFile)
        .build();
    Properties copy = new Properties();
    copy.putAll(login);
    return new OursColdClient(config, instanceUri, copy);
  }

  @Override
  public String id() {
    return "ours";
  }

  @Override
  public String label() {
    return "this connector (Connector API)";
  }

  @Override
  public Session start() {
    Connector connector = Connector.create(config);
    return new Session() {
      @Override
      public Connection open() throws SQLException {
        return connector.connect(instanceUri, login);
      }

      @Override
      public void close() {
        connector.close();
      }
    };
  }
}
