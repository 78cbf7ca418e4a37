package dev.alloydb.jakarta.connector;

import java.util.Locale;

/** How the connector keeps an instance's client certificate fresh. */
public enum RefreshStrategy {
  /** Refresh ahead of expiry on the connector's scheduler. The default. */
  BACKGROUND,
  /**
   * Refresh only inside a connect call, when the certificate is missing or close to expiry. No background work at
   * all: for hosts whose CPU is throttled between requests.
   */
  LAZY;

  /**
   * Parses a configuration value, ignoring case (with {@link Locale#ROOT}) and surrounding blanks. Google's name
   * {@code REFRESH_AHEAD} is accepted for {@link #BACKGROUND}.
   *
   * @throws ConnectorConfigException if the value names no strategy
   */
  public static RefreshStrategy parse(String value) {
    String name = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
    switch (name) {
      case "BACKGROUND":
      case "REFRESH_AHEAD":
        return BACKGROUND;
      case "LAZY":
        return LAZY;
      default:
        throw new ConnectorConfigException(
            "Unknown refresh strategy '" + value + "': expected one of BACKGROUND (or REFRESH_AHEAD), LAZY");
    }
  }
}
