package dev.alloydb.jakarta.connector.internal;

import dev.alloydb.jakarta.connector.ConnectorConfig;
import dev.alloydb.jakarta.connector.ConnectorConfigException;
import dev.alloydb.jakarta.connector.IpType;
import dev.alloydb.jakarta.connector.RefreshStrategy;
import dev.alloydb.jakarta.connector.SocketFactory;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Collectors;

/** Parses connection properties (Google's names) into typed values, once, at the boundary. */
final class JdbcProperties {
  /** Hidden: the id of the live connector that dialled (set by {@code Connector}, never by users). */
  static final String CONNECTOR_ID = "alloydbConnectorId";
  /** Hidden: the ticket of the socket the connector already dialled. */
  static final String SOCKET_TICKET = "alloydbSocketTicket";

  private JdbcProperties() {
  }

  /** The connector configuration named by the connector-level properties. */
  static ConnectorConfig toConfig(Properties info) {
    ConnectorConfig.Builder builder = ConnectorConfig.builder();
    String strategy = info.getProperty(SocketFactory.REFRESH_STRATEGY);
    if (strategy != null) {
      builder.refreshStrategy(RefreshStrategy.parse(strategy));
    }
    String endpoint = info.getProperty(SocketFactory.ADMIN_SERVICE_ENDPOINT);
    if (endpoint != null) {
      builder.adminServiceEndpoint(endpoint);
    }
    builder.quotaProject(info.getProperty(SocketFactory.QUOTA_PROJECT));
    builder.targetPrincipal(info.getProperty(SocketFactory.TARGET_PRINCIPAL));
    String delegates = info.getProperty(SocketFactory.DELEGATES);
    if (delegates != null) {
      builder.delegates(splitList(delegates));
    }
    String path = info.getProperty(SocketFactory.GOOGLE_CREDENTIALS_PATH);
    if (path != null) {
      try {
        builder.credentialsFile(Path.of(path.trim()));
      } catch (InvalidPathException e) {
        throw new ConnectorConfigException("Invalid " + SocketFactory.GOOGLE_CREDENTIALS_PATH + " '" + path
            + "': expected the path of a JSON credentials file", e);
      }
    }
    return builder.build();
  }

  static List<String> splitList(String value) {
    return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
        .collect(Collectors.toList());
  }

  static IpType ipType(Properties info, String key, IpType fallback) {
    String value = info.getProperty(key);
    return value == null ? fallback : IpType.parse(value);
  }

  static boolean flag(Properties info, String key, boolean fallback) {
    String value = info.getProperty(key);
    if (value == null) {
      return fallback;
    }
    switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true":
        return true;
      case "false":
        return false;
      default:
        throw new ConnectorConfigException("Invalid " + key + " '" + value + "': expected true or false");
    }
  }
}
