package dev.alloydb.jakarta.emulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** What the emulator has seen since it started or since {@link #reset()}. Thread-safe. */
public final class Counters {
  private final List<AdminCall> adminCalls = new ArrayList<>();
  private final List<ProxyConnection> proxyConnections = new ArrayList<>();
  private final Map<String, Long> tokensByScope = new HashMap<>();
  /** The newest {@value #TIMELINE_SIZE} events: long runs must not grow it without bound. */
  private final ArrayDeque<TimelineEvent> timeline = new ArrayDeque<>();
  private static final int TIMELINE_SIZE = 10_000;
  private long tokens;
  /** Proxy connections accepted but not yet recorded. */
  private int unsettled;
  private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(10);

  Counters() {}

  /**
   * Admin API calls of {@code rpc} for {@code name}. For {@code GET_CONNECTION_INFO} give the instance URI; for
   * {@code GENERATE_CLIENT_CERTIFICATE} give the cluster name or any instance URI of that cluster.
   */
  public synchronized long adminCalls(AdminRpc rpc, String name) {
    String parent = rpc == AdminRpc.GENERATE_CLIENT_CERTIFICATE ? clusterOf(name) : name;
    return adminCalls.stream().filter(c -> c.rpc() == rpc && c.parent().equals(parent)).count();
  }

  /** All Admin API calls of {@code rpc}, any parent. */
  public synchronized long adminCalls(AdminRpc rpc) {
    return adminCalls.stream().filter(c -> c.rpc() == rpc).count();
  }

  /** Every Admin API call in arrival order. */
  public synchronized List<AdminCall> adminCallLog() {
    return List.copyOf(adminCalls);
  }

  /** Every proxy connection in the order they were settled (accepted or refused). */
  public synchronized List<ProxyConnection> proxyConnections() {
    return List.copyOf(proxyConnections);
  }

  /**
   * Waits until at least {@code count} proxy connections are recorded (the proxy records a refused connection on its
   * own thread, possibly after the client has already seen the failure) and returns them all.
   *
   * @throws IllegalStateException if fewer were recorded within {@code timeout}
   */
  public synchronized List<ProxyConnection> awaitProxyConnections(int count, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (proxyConnections.size() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new IllegalStateException(
            "expected at least " + count + " proxy connections within " + timeout + ", saw "
                + proxyConnections.size() + ": " + proxyConnections);
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return List.copyOf(proxyConnections);
  }

  /** OAuth2 access tokens issued whose scope list contains {@code scope}. */
  public synchronized long tokensIssued(String scope) {
    return tokensByScope.getOrDefault(scope, 0L);
  }

  /** All OAuth2 access tokens issued. */
  public synchronized long tokensIssued() {
    return tokens;
  }

  /**
   * Forgets everything counted so far. It first waits (up to 10 s) until every proxy connection already accepted
   * has been recorded, so that a late record of a previous test's connection cannot leak into the next test.
   */
  public synchronized void reset() {
    long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
    try {
      while (unsettled > 0 && System.nanoTime() < deadline) {
        TimeUnit.NANOSECONDS.timedWait(this, deadline - System.nanoTime());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    adminCalls.clear();
    proxyConnections.clear();
    timeline.clear();
    tokensByScope.clear();
    tokens = 0;
  }

  /**
   * What the emulator did, in order: each Admin API call received and answered, each token issued, each proxy
   * connection accepted, past TLS and past the metadata exchange (the newest {@value #TIMELINE_SIZE}).
   */
  public synchronized List<TimelineEvent> timeline() {
    return List.copyOf(timeline);
  }

  synchronized void mark(String what) {
    if (timeline.size() == TIMELINE_SIZE) {
      timeline.removeFirst();
    }
    timeline.addLast(new TimelineEvent(System.nanoTime(), what));
  }

  synchronized void recordAdminCall(AdminCall call) {
    adminCalls.add(call);
  }

  synchronized void proxyConnectionAccepted() {
    unsettled++;
  }

  synchronized void recordProxyConnection(ProxyConnection connection) {
    proxyConnections.add(connection);
    unsettled = Math.max(0, unsettled - 1);
    notifyAll();
  }

  synchronized void recordToken(List<String> scopes) {
    tokens++;
    for (String scope : scopes) {
      tokensByScope.merge(scope, 1L, Long::sum);
    }
  }

  private static String clusterOf(String name) {
    int i = name.indexOf("/instances/");
    return i < 0 ? name : name.substring(0, i);
  }
}
