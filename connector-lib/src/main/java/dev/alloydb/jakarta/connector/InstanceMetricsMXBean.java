package dev.alloydb.jakarta.connector;

import java.util.Map;

/**
 * The metrics and status of one instance as seen by one connector, in the platform MBean server while the connector
 * is open, under the name {@code dev.alloydb.jakarta:type=ConnectorInstance,connector=<id>,instance="<instance URI>"}
 * (the URI quoted as by {@link javax.management.ObjectName#quote}; {@code <id>} numbers the JVM's connectors from 1
 * in creation order). Counters count since the connector was created. Read-only; holds no secret.
 */
public interface InstanceMetricsMXBean {

  /** The instance URI. */
  String getInstanceUri();

  /** The connector's id, as in the object name. */
  String getConnectorId();

  /** {@link InstanceStatus.State} name: STARTING, READY or FAILED. */
  String getState();

  /** Dial attempts, successful or not. */
  long getDialCount();

  /**
   * Failed dials by cause: {@code admin_api_error} (no valid connection info), {@code tcp_error},
   * {@code tls_error}, {@code credentials_error} (no OAuth2 token for the exchange), {@code mdx_error} (metadata
   * exchange) and {@code user_error} (no address of the IP type asked for, connector closed).
   */
  Map<String, Long> getDialFailures();

  /** Successful dials whose latency was observed: the latency histogram's count. */
  long getDialLatencyCount();

  /** Sum of the observed dial latencies, in milliseconds. */
  double getDialLatencySumMillis();

  /** Upper bounds of the latency buckets, in milliseconds; a last bucket counts everything above. */
  double[] getDialLatencyBucketBoundsMillis();

  /** Observations per latency bucket (not cumulative); one more element than the bounds. */
  long[] getDialLatencyBucketCounts();

  /** Connections the connector dialled that are not closed yet. */
  int getOpenConnections();

  /** Refreshes (both Admin API calls) that succeeded. */
  long getRefreshSuccesses();

  /** Refreshes that failed, by the Admin API's canonical status code ({@code UNKNOWN} for other causes). */
  Map<String, Long> getRefreshFailures();

  /** When the last successful refresh ended, in seconds since the epoch; 0 if none has. */
  long getLastRefreshEpochSeconds();

  /** Expiry of the current client certificate, in seconds since the epoch; 0 if there is none. */
  long getCertificateExpiryEpochSeconds();

  /** Message of the last refresh failure since the last success; empty if none. */
  String getLastError();
}
