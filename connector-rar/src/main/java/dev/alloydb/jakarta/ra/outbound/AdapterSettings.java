package dev.alloydb.jakarta.ra.outbound;

import dev.alloydb.jakarta.connector.ConnectorConfig;
import dev.alloydb.jakarta.connector.ConnectorConfigException;
import dev.alloydb.jakarta.connector.ConnectorOption;
import java.util.Map;
import java.util.Properties;
import java.util.StringJoiner;

/**
 * The parsed settings of one connection pool, by {@link ConnectorOption}; built once by {@link SettingsResolver}.
 * The connector-level options are turned into a {@link ConnectorConfig} right away, so the library's rules for
 * combinations (delegates need a target principal, one credential source) apply exactly as they do to the library's
 * own users. Immutable.
 */
final class AdapterSettings {

  private static final String USER_AGENT_SUFFIX = "jakarta-ra";

  private final Map<ConnectorOption<?>, Object> values;
  private final ConnectorConfig connectorConfig;

  /**
   * @param values every option that has a value, each parsed by its own option
   * @throws ConnectorConfigException if the connector-level values do not fit together
   */
  AdapterSettings(Map<ConnectorOption<?>, Object> values) {
    this.values = Map.copyOf(values);
    ConnectorConfig.Builder builder = ConnectorConfig.builder();
    for (ConnectorOption<?> option : this.values.keySet()) {
      configure(builder, option);
    }
    String application = get(ConnectorOption.USER_AGENT);
    this.connectorConfig = builder.userAgent(application == null ? USER_AGENT_SUFFIX
        : USER_AGENT_SUFFIX + " " + application).build();
  }

  private <T> void configure(ConnectorConfig.Builder builder, ConnectorOption<T> option) {
    option.configure(builder, get(option));
  }

  /** The value of {@code option}, or {@code null} when it has none. */
  @SuppressWarnings("unchecked") // every value was produced by its own option's parser
  <T> T get(ConnectorOption<T> option) {
    return (T) values.get(option);
  }

  String instanceUri() {
    return get(ConnectorOption.INSTANCE_URI);
  }

  String user() {
    return get(ConnectorOption.USER);
  }

  String password() {
    return get(ConnectorOption.PASSWORD);
  }

  /**
   * The connector-wide part of these settings, without a scheduler (the adapter adds its own). Per-connection values
   * (user, IP type, IAM) are left out so pools that differ only in them share one connector and its certificates.
   */
  ConnectorConfig connectorConfig() {
    return connectorConfig;
  }

  /** The {@code Connector.connect} properties for one login. */
  Properties connectionProperties(String loginUser, String loginPassword) {
    boolean iam = get(ConnectorOption.ENABLE_IAM_AUTH);
    Properties info = new Properties();
    info.setProperty(ConnectorOption.USER.name(), loginUser);
    if (loginPassword != null && !iam) {
      info.setProperty(ConnectorOption.PASSWORD.name(), loginPassword);
    }
    info.setProperty(ConnectorOption.DATABASE.name(), get(ConnectorOption.DATABASE));
    info.setProperty(ConnectorOption.IP_TYPE.name(), get(ConnectorOption.IP_TYPE).name());
    info.setProperty(ConnectorOption.ENABLE_IAM_AUTH.name(), Boolean.toString(iam));
    return info;
  }

  /** The settings in option order; secret values are masked. */
  @Override
  public String toString() {
    StringJoiner text = new StringJoiner(", ", "AdapterSettings[", "]");
    for (ConnectorOption<?> option : ConnectorOption.all()) {
      Object value = values.get(option);
      if (value != null) {
        text.add(option.name() + "=" + (option.secret() ? "<masked>" : value));
      }
    }
    return text.toString();
  }
}
