package dev.alloydb.jakarta.connector.internal;

import dev.alloydb.jakarta.connector.AdminApiException;
import dev.alloydb.jakarta.connector.ConnectorClosedException;
import dev.alloydb.jakarta.connector.ConnectorScheduler;
import dev.alloydb.jakarta.connector.ScheduledTask;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Keeps one instance's connection info fresh ahead of need, on the connector's scheduler.
 *
 * <ol>
 *   <li>Only the refresh worker ({@link #onResult}) writes a result; readers get {@code current}, a future that is
 *       either complete or completed by the refresh in flight. N readers of a cold cache share one refresh.</li>
 *   <li>At most one refresh is in flight or waiting; further requests merge into it.</li>
 *   <li>After a success the next refresh is scheduled per {@link RefreshPolicy#delayUntilRefresh}: half the
 *       remaining life, or the buffer (4 min) before expiry when less than an hour remains.</li>
 *   <li>Every refresh passes the rate limiter (burst 2, then one per 30 s): a failing Admin API cannot cause a
 *       hot loop.</li>
 *   <li>A failed refresh never replaces a certificate that is still valid; readers keep getting it. If nothing
 *       valid is left, readers get the failure.</li>
 *   <li>After a non-terminal failure the refresh is retried (rate-limited). After a terminal one (NOT_FOUND,
 *       PERMISSION_DENIED, INVALID_ARGUMENT, UNAUTHENTICATED) nothing is retried in the background; a later read
 *       retries once if the limiter has a token now (and waits for that attempt), otherwise it fails at once
 *       with the stored error and schedules nothing.</li>
 *   <li>{@link #forceRefresh} (after a TCP/TLS/exchange failure or an expired certificate) starts a refresh now if
 *       the limiter allows; readers then wait for its result instead of the info that just failed.</li>
 *   <li>No lock is held while calling the Admin API; {@link #close} cancels what is scheduled and fails waiters.</li>
 * </ol>
 */
final class RefreshAheadCache implements ConnectionInfoCache {
  private static final System.Logger LOG = System.getLogger(RefreshAheadCache.class.getName());

  // immutable after construction
  private final InstanceUri instance;
  private final Supplier<CompletableFuture<ConnectionInfo>> refresher;
  private final ConnectorScheduler scheduler;
  private final Clock clock;
  private final RefreshPolicy policy;

  // guarded by lock
  private final Object lock = new Object();
  private final RateLimiter limiter;
  private CompletableFuture<ConnectionInfo> current = new CompletableFuture<>();
  private ConnectionInfo lastGood;
  private boolean refreshing;
  private ScheduledTask next;
  private boolean closed;

  RefreshAheadCache(InstanceUri instance, Supplier<CompletableFuture<ConnectionInfo>> refresher,
      ConnectorScheduler scheduler, Clock clock, RefreshPolicy policy) {
    this.instance = instance;
    this.refresher = refresher;
    this.scheduler = scheduler;
    this.clock = clock;
    this.policy = policy;
    this.limiter = new RateLimiter(clock, policy.interval(), policy.burst());
  }

  /** Starts the first refresh. */
  RefreshAheadCache start() {
    synchronized (lock) {
      requestRefreshLocked();
    }
    return this;
  }

  @Override
  public CompletableFuture<ConnectionInfo> connectionInfo() {
    synchronized (lock) {
      if (closed) {
        return Futures.failed(closedException());
      }
      if (current.isCompletedExceptionally() && !refreshing && limiter.tryAcquire()) {
        current = new CompletableFuture<>();
        startRefreshLocked();
      }
      return current;
    }
  }

  @Override
  public void forceRefresh() {
    synchronized (lock) {
      if (closed || refreshing) {
        return;
      }
      LOG.log(Level.DEBUG, () -> "[" + instance + "] Forced refresh requested");
      if (requestRefreshLocked().isZero() && current.isDone()) {
        current = new CompletableFuture<>();
      }
    }
  }

  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      if (next != null) {
        next.cancel();
        next = null;
      }
      current.completeExceptionally(closedException());
    }
  }

  /** Reserves a rate-limiter slot and runs the refresh after the wait it returns. */
  private Duration requestRefreshLocked() {
    if (refreshing) {
      return Duration.ZERO;
    }
    if (next != null) {
      next.cancel();
      next = null;
    }
    Duration wait = limiter.reserve();
    if (wait.isZero()) {
      startRefreshLocked();
    } else {
      refreshing = true;
      LOG.log(Level.DEBUG, () -> "[" + instance + "] Refresh rate-limited; next attempt in " + wait);
      next = scheduler.schedule(this::runRefresh, wait);
    }
    return wait;
  }

  /** Starts a refresh now; the caller has taken a rate-limiter token. */
  private void startRefreshLocked() {
    if (next != null) {
      next.cancel();
      next = null;
    }
    refreshing = true;
    scheduler.execute(this::runRefresh);
  }

  private void runRefresh() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      next = null;
    }
    LOG.log(Level.DEBUG, () -> "[" + instance + "] Refresh started");
    CompletableFuture<ConnectionInfo> result;
    try {
      result = refresher.get();
    } catch (RuntimeException e) {
      result = Futures.failed(e);
    }
    result.whenComplete(this::onResult);
  }

  private void onResult(ConnectionInfo info, Throwable error) {
    synchronized (lock) {
      refreshing = false;
      if (closed) {
        return;
      }
      if (error == null) {
        lastGood = info;
        publishLocked(info);
        Duration delay = policy.delayUntilRefresh(clock.instant(), info.expiry());
        LOG.log(Level.DEBUG, () -> "[" + instance + "] Refresh done (instance uid " + info.instanceUid()
            + "); certificate valid until " + info.expiry() + ", next refresh in " + delay);
        next = scheduler.schedule(this::scheduledRefresh, delay);
        return;
      }
      Throwable cause = Futures.unwrap(error);
      boolean terminal = cause instanceof AdminApiException && ((AdminApiException) cause).isTerminal();
      if (lastGood != null && clock.instant().isBefore(lastGood.expiry())) {
        LOG.log(Level.WARNING, () -> "[" + instance + "] Refresh failed; still using the certificate valid until "
            + lastGood.expiry() + ": " + cause.getMessage());
        publishLocked(lastGood);
      } else {
        LOG.log(Level.WARNING, () -> "[" + instance + "] Refresh failed: " + cause.getMessage());
        if (current.isDone()) {
          current = new CompletableFuture<>();
        }
        current.completeExceptionally(cause);
      }
      if (!terminal) {
        requestRefreshLocked();
      }
    }
  }

  private void scheduledRefresh() {
    synchronized (lock) {
      next = null;
      if (!closed) {
        requestRefreshLocked();
      }
    }
  }

  private void publishLocked(ConnectionInfo info) {
    if (current.isDone()) {
      current = CompletableFuture.completedFuture(info);
    } else {
      current.complete(info);
    }
  }

  private ConnectorClosedException closedException() {
    return new ConnectorClosedException("[" + instance + "] The connector is closed");
  }
}
