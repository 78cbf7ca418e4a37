package dev.alloydb.jakarta.connector.internal;

import dev.alloydb.jakarta.connector.ConnectorConfig;
import dev.alloydb.jakarta.connector.ConnectorOption;
import dev.alloydb.jakarta.connector.IpType;
import java.util.Properties;

/**
 * Reads connection properties through the {@link ConnectorOption} definitions, once, at the boundary: the JDBC
 * socket factory's names for the connector, the options' own names for {@code Connector.connect}.
 */
final class JdbcProperties {
  private JdbcProperties() {
  }

  /** The connector configuration named by the socket factory's connector-level properties. */
  static ConnectorConfig toConfig(Properties info) {
    ConnectorConfig.Builder builder = ConnectorConfig.builder();
    for (ConnectorOption<?> option : ConnectorOption.all()) {
      configure(builder, option, info);
    }
    return builder.build();
  }

  private static <T> void configure(ConnectorConfig.Builder builder, ConnectorOption<T> option, Properties info) {
    if (option.configuresConnector()) {
      option.jdbcName().map(info::getProperty).filter(ConnectorOption::isSet)
          .ifPresent(value -> option.configure(builder, option.parse(value, option.jdbcName().get())));
    }
  }

  static IpType ipType(Properties info, String key, IpType fallback) {
    return read(info, key, ConnectorOption.IP_TYPE, fallback);
  }

  static boolean flag(Properties info, String key, boolean fallback) {
    return read(info, key, ConnectorOption.ENABLE_IAM_AUTH, fallback);
  }

  /** The {@code database} key of {@code Connector.connect}, blank counting as unset. */
  static String database(Properties info) {
    String value = info.getProperty(ConnectorOption.DATABASE.name());
    return ConnectorOption.isSet(value) ? ConnectorOption.DATABASE.parse(value, ConnectorOption.DATABASE.name())
        : ConnectorOption.DATABASE.defaultValue().orElseThrow();
  }

  private static <T> T read(Properties info, String key, ConnectorOption<T> option, T fallback) {
    String value = info.getProperty(key);
    return ConnectorOption.isSet(value) ? option.parse(value, key) : fallback;
  }
}
