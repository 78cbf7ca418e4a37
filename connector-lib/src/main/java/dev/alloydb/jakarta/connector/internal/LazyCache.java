package dev.alloydb.jakarta.connector.internal;

import dev.alloydb.jakarta.connector.ConnectorClosedException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Refreshes one instance's connection info only inside a connect call: for hosts whose CPU is throttled between
 * requests.
 *
 * <ol>
 *   <li>No background work at all: nothing is scheduled, and an idle cache makes no call.</li>
 *   <li>A read refreshes when there is no info, when the certificate is within the buffer (4 min) of expiry, or
 *       after {@link #forceRefresh}; otherwise it returns the cached info at once.</li>
 *   <li>Concurrent reads that need a refresh share the one in flight.</li>
 *   <li>No lock is held during the Admin API calls.</li>
 *   <li>A failed refresh falls back to the cached certificate while it is still valid and not invalidated.</li>
 * </ol>
 */
final class LazyCache implements ConnectionInfoCache {
  private static final System.Logger LOG = System.getLogger(LazyCache.class.getName());

  private final InstanceUri instance;
  private final Supplier<CompletableFuture<ConnectionInfo>> refresher;
  private final Clock clock;
  private final RefreshPolicy policy;

  // guarded by lock
  private final Object lock = new Object();
  private ConnectionInfo info;
  private CompletableFuture<ConnectionInfo> inFlight;
  private boolean invalidated;
  private boolean closed;

  LazyCache(InstanceUri instance, Supplier<CompletableFuture<ConnectionInfo>> refresher, Clock clock,
      RefreshPolicy policy) {
    this.instance = instance;
    this.refresher = refresher;
    this.clock = clock;
    this.policy = policy;
  }

  @Override
  public CompletableFuture<ConnectionInfo> connectionInfo() {
    CompletableFuture<ConnectionInfo> started;
    synchronized (lock) {
      if (closed) {
        return Futures.failed(closedException());
      }
      if (info != null && !invalidated && !policy.isDue(clock.instant(), info.expiry())) {
        return CompletableFuture.completedFuture(info);
      }
      if (inFlight != null) {
        return inFlight;
      }
      started = new CompletableFuture<>();
      inFlight = started;
    }
    LOG.log(Level.DEBUG, () -> "[" + instance + "] Lazy refresh started");
    CompletableFuture<ConnectionInfo> result;
    try {
      result = refresher.get();
    } catch (RuntimeException e) {
      result = Futures.failed(e);
    }
    result.whenComplete((fresh, error) -> finish(started, fresh, error));
    return started;
  }

  private void finish(CompletableFuture<ConnectionInfo> started, ConnectionInfo fresh, Throwable error) {
    ConnectionInfo fallback = null;
    synchronized (lock) {
      if (inFlight == started) {
        inFlight = null;
      }
      if (closed) {
        started.completeExceptionally(closedException());
        return;
      }
      if (error == null) {
        info = fresh;
        invalidated = false;
      } else if (info != null && !invalidated && clock.instant().isBefore(info.expiry())) {
        fallback = info;
      }
    }
    if (error == null) {
      started.complete(fresh);
    } else if (fallback != null) {
      LOG.log(Level.WARNING, () -> "[" + instance + "] Lazy refresh failed; using the certificate still valid: "
          + Futures.unwrap(error).getMessage());
      started.complete(fallback);
    } else {
      started.completeExceptionally(Futures.unwrap(error));
    }
  }

  @Override
  public void forceRefresh() {
    synchronized (lock) {
      invalidated = true;
    }
  }

  @Override
  public void close() {
    CompletableFuture<ConnectionInfo> pending;
    synchronized (lock) {
      closed = true;
      pending = inFlight;
      inFlight = null;
    }
    if (pending != null) {
      pending.completeExceptionally(closedException());
    }
  }

  private ConnectorClosedException closedException() {
    return new ConnectorClosedException("[" + instance + "] The connector is closed");
  }
}
