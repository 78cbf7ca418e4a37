package dev.alloydb.jakarta.connector.internal;

import dev.alloydb.jakarta.connector.ConnectorConfig;
import dev.alloydb.jakarta.connector.IpType;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Test-only access for the reliability suite ({@code dev.alloydb.jakarta.reliability}) to two package-private
 * hooks: a connector with a shortened refresh policy or another server-side proxy port, and a dial against trust
 * material the test chose (to stand up hostile servers the client would otherwise trust).
 */
public final class ReliabilityHooks {
  private ReliabilityHooks() {
  }

  /**
   * A connector whose refresh policy is {@code buffer} before expiry, at most {@code burst} refreshes at once and
   * then one per {@code interval}, dialling the instances' proxies on {@code serverPort}.
   */
  public static ConnectorCore start(ConnectorConfig config, Duration buffer, Duration interval, int burst,
      int serverPort) {
    return ConnectorCore.start(config, Clock.systemUTC(), new RefreshPolicy(buffer, interval, burst), serverPort);
  }

  /** Like {@link #start(ConnectorConfig, Duration, Duration, int, int)} on the real proxy port 5433. */
  public static ConnectorCore start(ConnectorConfig config, Duration buffer, Duration interval, int burst) {
    return start(config, buffer, interval, burst, Dialer.SERVER_PROXY_PORT);
  }

  /** The production rate limit's burst: refreshes allowed at once. */
  public static int defaultBurst() {
    return RefreshPolicy.DEFAULT.burst();
  }

  /** The production rate limit's interval: one more refresh allowed per interval. */
  public static Duration defaultInterval() {
    return RefreshPolicy.DEFAULT.interval();
  }

  /**
   * Runs the production dial path (TCP, TLS 1.3, metadata exchange) to {@code address:port}, presenting
   * {@code chain} with {@code key} and trusting only {@code ca}.
   */
  public static Socket dialTrusting(String instanceUri, String address, int port, KeyPair key,
      List<X509Certificate> chain, X509Certificate ca, Duration timeout, String token)
      throws GeneralSecurityException {
    InstanceUri instance = InstanceUri.parse(instanceUri);
    ConnectionInfo info = new ConnectionInfo(instance, Map.of(IpType.PRIVATE, address), "uid",
        chain.get(0).getNotAfter().toInstant(), TlsContexts.build(key, chain, ca));
    try (DaemonScheduler timers = new DaemonScheduler()) {
      Dialer dialer = new Dialer(port, timeout, timeout, "reliability-test", timers);
      return dialer.dial(instance, info, IpType.PRIVATE, false, () -> token);
    }
  }
}
