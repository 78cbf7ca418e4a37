package dev.alloydb.jakarta.connector.internal;

import dev.alloydb.jakarta.connector.ConnectorConfigException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** The rule for Admin API endpoints that {@code ConnectorConfig.build()} applies beyond their syntax. Not API. */
public final class AdminEndpoints {
  private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private AdminEndpoints() {
  }

  /**
   * Rejects a plain-HTTP endpoint that is not a loopback address: the OAuth2 token would cross the network in clear
   * text. Names other than {@code localhost} are not resolved: DNS could point anywhere.
   *
   * @throws ConnectorConfigException naming the endpoint and what is accepted
   */
  public static void requireSafe(String endpoint) {
    if (!endpoint.startsWith("http://")) {
      return;
    }
    String hostPort = endpoint.substring("http://".length()).replaceFirst("/$", "");
    String host = hostPort.startsWith("[") ? hostPort.substring(1, hostPort.indexOf(']'))
        : hostPort.replaceFirst(":[0-9]+$", "");
    if (!isLoopback(host)) {
      throw new ConnectorConfigException("Invalid adminServiceEndpoint '" + endpoint + "': http:// only for a"
          + " loopback address (127.0.0.0/8, [::1] or localhost), since the OAuth2 token would travel in clear"
          + " text; expected host:port or https://host:port");
    }
  }

  private static boolean isLoopback(String host) {
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!IP_LITERAL.matcher(host).matches()) {
      return false;
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
