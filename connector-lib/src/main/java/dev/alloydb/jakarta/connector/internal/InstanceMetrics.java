package dev.alloydb.jakarta.connector.internal;

import dev.alloydb.jakarta.connector.AdminApiException;
import dev.alloydb.jakarta.connector.InstanceMetricsMXBean;
import dev.alloydb.jakarta.connector.InstanceStatus;
import java.net.Socket;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * The counters and status of one instance in one connector, and its MBean. Counters only grow; the status follows
 * the refreshes (a success clears the last error). Thread-safe, lock-free except for the set of open sockets.
 */
final class InstanceMetrics implements InstanceMetricsMXBean {
  /** The dial latency buckets of Google's Go connector, in milliseconds. */
  static final double[] LATENCY_BOUNDS_MS = {0, 5, 25, 100, 250, 500, 1000, 2000, 5000, 30000};

  private final InstanceUri instance;
  private final String connectorId;
  private final Clock clock;

  private final LongAdder dials = new LongAdder();
  private final Map<String, LongAdder> dialFailures = new ConcurrentHashMap<>();
  private final AtomicLongArray latencyBuckets = new AtomicLongArray(LATENCY_BOUNDS_MS.length + 1);
  private final LongAdder latencyCount = new LongAdder();
  private final DoubleAdder latencySum = new DoubleAdder();
  /** Weak: a connection the application never closes must stay collectable, as without the connector's metrics. */
  private final Set<Socket> openSockets = Collections.newSetFromMap(new WeakHashMap<>());

  private final LongAdder refreshSuccesses = new LongAdder();
  private final Map<String, LongAdder> refreshFailures = new ConcurrentHashMap<>();
  private volatile Instant lastRefresh;
  private volatile Instant certificateExpiry;
  private volatile String lastError;

  InstanceMetrics(InstanceUri instance, String connectorId, Clock clock) {
    this.instance = instance;
    this.connectorId = connectorId;
    this.clock = clock;
  }

  InstanceUri instance() {
    return instance;
  }

  void dialSucceeded(double millis, Socket socket) {
    dials.increment();
    latencyBuckets.incrementAndGet(bucket(millis));
    latencySum.add(millis);
    latencyCount.increment();
    synchronized (openSockets) {
      openSockets.removeIf(Socket::isClosed);
      openSockets.add(socket);
    }
  }

  void dialFailed(String cause) {
    dials.increment();
    dialFailures.computeIfAbsent(cause, c -> new LongAdder()).increment();
  }

  void refreshEnded(ConnectionInfo info, Throwable error) {
    if (error == null) {
      refreshSuccesses.increment();
      certificateExpiry = info.expiry();
      lastRefresh = clock.instant();
      lastError = null;
    } else {
      Throwable cause = Futures.unwrap(error);
      String code = cause instanceof AdminApiException ? ((AdminApiException) cause).statusCode() : "UNKNOWN";
      refreshFailures.computeIfAbsent(code, c -> new LongAdder()).increment();
      lastError = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }
  }

  private static int bucket(double millis) {
    for (int i = 0; i < LATENCY_BOUNDS_MS.length; i++) {
      if (millis <= LATENCY_BOUNDS_MS[i]) {
        return i;
      }
    }
    return LATENCY_BOUNDS_MS.length;
  }

  InstanceStatus status() {
    Instant expiry = certificateExpiry;
    String error = lastError;
    InstanceStatus.State state = expiry != null && clock.instant().isBefore(expiry) ? InstanceStatus.State.READY
        : error != null ? InstanceStatus.State.FAILED : InstanceStatus.State.STARTING;
    return new InstanceStatus(instance.toString(), state, expiry, lastRefresh, error);
  }

  long dialSuccesses() {
    long failed = 0;
    for (LongAdder count : dialFailures.values()) {
      failed += count.sum();
    }
    return dials.sum() - failed;
  }

  Instant lastRefresh() {
    return lastRefresh;
  }

  Instant certificateExpiry() {
    return certificateExpiry;
  }

  @Override
  public String getInstanceUri() {
    return instance.toString();
  }

  @Override
  public String getConnectorId() {
    return connectorId;
  }

  @Override
  public String getState() {
    return status().state().name();
  }

  @Override
  public long getDialCount() {
    return dials.sum();
  }

  @Override
  public Map<String, Long> getDialFailures() {
    return snapshot(dialFailures);
  }

  @Override
  public long getDialLatencyCount() {
    return latencyCount.sum();
  }

  @Override
  public double getDialLatencySumMillis() {
    return latencySum.sum();
  }

  @Override
  public double[] getDialLatencyBucketBoundsMillis() {
    return LATENCY_BOUNDS_MS.clone();
  }

  @Override
  public long[] getDialLatencyBucketCounts() {
    long[] counts = new long[latencyBuckets.length()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = latencyBuckets.get(i);
    }
    return counts;
  }

  @Override
  public int getOpenConnections() {
    synchronized (openSockets) {
      openSockets.removeIf(Socket::isClosed);
      return openSockets.size();
    }
  }

  @Override
  public long getRefreshSuccesses() {
    return refreshSuccesses.sum();
  }

  @Override
  public Map<String, Long> getRefreshFailures() {
    return snapshot(refreshFailures);
  }

  @Override
  public long getLastRefreshEpochSeconds() {
    Instant at = lastRefresh;
    return at == null ? 0 : at.getEpochSecond();
  }

  @Override
  public long getCertificateExpiryEpochSeconds() {
    Instant at = certificateExpiry;
    return at == null ? 0 : at.getEpochSecond();
  }

  @Override
  public String getLastError() {
    String error = lastError;
    return error == null ? "" : error;
  }

  private static Map<String, Long> snapshot(Map<String, LongAdder> counts) {
    Map<String, Long> copy = new TreeMap<>();
    counts.forEach((key, count) -> copy.put(key, count.sum()));
    return copy;
  }
}
