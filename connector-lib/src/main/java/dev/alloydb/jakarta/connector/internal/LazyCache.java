package dev.alloydb.jakarta.connector.internal;

import dev.alloydb.jakarta.connector.ConnectorClosedException;
import dev.alloydb.jakarta.connector.ConnectorOperationException;
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
 *   <li>A read refreshes when there is no info or when the certificate is within the buffer (4 min) of expiry;
 *       otherwise it returns the cached info at once.</li>
 *   <li>Concurrent reads that need a refresh share the one in flight.</li>
 *   <li>Every refresh passes the {@link RefreshGate} (rate limit, back-off after failures): when it is closed a
 *       read gets the cached certificate while it is valid, else the last failure at once.</li>
 *   <li>A failed refresh falls back to the cached certificate while it is still valid.</li>
 *   <li>No lock is held during the Admin API calls or while completing a future.</li>
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
  private final RefreshGate gate;
  private ConnectionInfo info;
  private RuntimeException lastError;
  private CompletableFuture<ConnectionInfo> inFlight;
  private boolean closed;

  LazyCache(InstanceUri instance, Supplier<CompletableFuture<ConnectionInfo>> refresher, Clock clock, Ticker ticker,
      RefreshPolicy policy) {
    this.instance = instance;
    this.refresher = refresher;
    this.clock = clock;
    this.policy = policy;
    this.gate = new RefreshGate(ticker, policy);
  }

  @Override
  public CompletableFuture<ConnectionInfo> connectionInfo() {
    CompletableFuture<ConnectionInfo> started;
    synchronized (lock) {
      if (closed) {
        return Futures.failed(closedException());
      }
      if (info != null && !policy.isDue(clock.instant(), info.expiry())) {
        return CompletableFuture.completedFuture(info);
      }
      if (inFlight != null) {
        return inFlight;
      }
      if (!gate.tryStart()) {
        if (validLocked()) {
          return CompletableFuture.completedFuture(info);
        }
        return Futures.failed(lastError != null ? lastError : new ConnectorOperationException("[" + instance
            + "] No connection info yet; the next refresh may start in " + gate.untilOpen(), null));
      }
      started = new CompletableFuture<>();
      inFlight = started;
    }
    refresh(started);
    return started;
  }

  @Override
  public CompletableFuture<ConnectionInfo> refreshAfterFailure(ConnectionInfo used) {
    CompletableFuture<ConnectionInfo> started;
    synchronized (lock) {
      if (closed) {
        return null;
      }
      if (inFlight != null) {
        return inFlight;
      }
      if (info != used && validLocked()) {
        return CompletableFuture.completedFuture(info);
      }
      if (!gate.tryStart()) {
        return null;
      }
      started = new CompletableFuture<>();
      inFlight = started;
    }
    refresh(started);
    return started;
  }

  private void refresh(CompletableFuture<ConnectionInfo> started) {
    LOG.log(Level.DEBUG, () -> "[" + instance + "] Lazy refresh started");
    CompletableFuture<ConnectionInfo> result;
    try {
      result = refresher.get();
    } catch (RuntimeException e) {
      result = Futures.failed(e);
    }
    result.whenComplete((fresh, error) -> finish(started, fresh, error));
  }

  private boolean validLocked() {
    return info != null && clock.instant().isBefore(info.expiry());
  }

  private void finish(CompletableFuture<ConnectionInfo> started, ConnectionInfo fresh, Throwable error) {
    ConnectionInfo fallback = null;
    RuntimeException failure = null;
    synchronized (lock) {
      if (inFlight == started) {
        inFlight = null;
      }
      if (closed) {
        failure = closedException();
      } else if (error == null) {
        info = fresh;
        lastError = null;
        gate.succeeded();
      } else {
        Throwable cause = Futures.unwrap(error);
        failure = cause instanceof RuntimeException ? (RuntimeException) cause
            : new ConnectorOperationException("[" + instance + "] Lazy refresh failed: " + cause, cause);
        lastError = failure;
        if (!Futures.rejected(cause)) {
          gate.failed();
        }
        if (validLocked()) {
          fallback = info;
        }
      }
    }
    if (error == null && failure == null) {
      started.complete(fresh);
    } else if (fallback != null) {
      LOG.log(Level.WARNING, () -> "[" + instance + "] Lazy refresh failed; using the certificate still valid: "
          + Futures.unwrap(error).getMessage());
      started.complete(fallback);
    } else {
      started.completeExceptionally(failure);
    }
  }

  @Override
  public void abandonRefresh(RuntimeException reason) {
    CompletableFuture<ConnectionInfo> pending;
    synchronized (lock) {
      pending = inFlight;
      inFlight = null;
    }
    if (pending != null) {
      pending.completeExceptionally(reason);
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
