package dev.alloydb.jakarta.benchmark;

import com.zaxxer.hikari.HikariConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A client that is just a pgjdbc URL plus properties: plain pgjdbc, or pgjdbc with a connector's socket factory.
 * Immutable.
 */
record UrlClient(String id, String label, String url, Properties properties) implements Client {

  UrlClient {
    Properties copy = new Properties();
    copy.putAll(properties);
    properties = copy;
  }

  @Override
  public Connection open() throws SQLException {
    return DriverManager.getConnection(url, properties);
  }

  /** The same URL and properties as a HikariCP pool of {@code size} connections, all kept open. */
  HikariConfig poolConfig(int size) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("bench-" + id);
    config.setJdbcUrl(url);
    properties.forEach((k, v) -> config.addDataSourceProperty((String) k, v));
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(size);
    config.setConnectionTimeout(60_000);
    config.setInitializationFailTimeout(60_000);
    return config;
  }
}
