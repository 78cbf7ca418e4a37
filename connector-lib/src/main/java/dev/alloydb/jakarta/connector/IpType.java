package dev.alloydb.jakarta.connector;

import java.util.Locale;

/** Which address of an instance the connector dials. */
public enum IpType {
  /** The private (VPC) address: {@code ConnectionInfo.ip_address}. The default. */
  PRIVATE,
  /** The public address: {@code ConnectionInfo.public_ip_address}. */
  PUBLIC,
  /** The Private Service Connect DNS name: {@code ConnectionInfo.psc_dns_name}. */
  PSC;

  /**
   * Parses a configuration value, ignoring case (with {@link Locale#ROOT}) and surrounding blanks.
   *
   * @throws ConnectorConfigException if the value names no IP type
   */
  public static IpType parse(String value) {
    if (value != null) {
      String name = value.trim().toUpperCase(Locale.ROOT);
      for (IpType type : values()) {
        if (type.name().equals(name)) {
          return type;
        }
      }
    }
    throw new ConnectorConfigException(
        "Unknown IP type '" + value + "': expected one of PRIVATE, PUBLIC, PSC");
  }
}
