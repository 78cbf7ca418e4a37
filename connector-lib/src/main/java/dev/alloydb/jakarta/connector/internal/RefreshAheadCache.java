package dev.alloydb.jakarta.connector.internal;

import dev.alloydb.jakarta.connector.AdminApiException;
import dev.alloydb.jakarta.connector.ConnectorClosedException;
import dev.alloydb.jakarta.connector.ConnectorOperationException;
import dev.alloydb.jakarta.connector.ConnectorScheduler;
import dev.alloydb.jakarta.connector.ScheduledTask;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * Keeps one instance's connection info fresh ahead of need, on the connector's scheduler.
 *
 * <ol>
 *   <li>A certificate that has not expired keeps serving, whatever the Admin API does: readers get it at once, also
 *       while a refresh runs or after one failed.</li>
 *   <li>Without a valid certificate readers share the refresh in flight (N cold readers, one refresh), start one if
 *       the {@link RefreshGate} allows, or else fail at once with the last failure: no reader waits for a refresh
 *       that cannot start.</li>
 *   <li>After a success the next refresh is scheduled per {@link RefreshPolicy#delayUntilRefresh}; after a failure
 *       the gate backs off, and a non-terminal failure is retried in the background when it opens; a terminal one
 *       (NOT_FOUND, PERMISSION_DENIED, ...) only after {@link RefreshPolicy#terminalRetryDelay}, so that an
 *       instance whose permissions were fixed recovers without a connect.</li>
 *   <li>{@link #refreshAfterFailure} (a dial failed) starts a refresh if the gate allows, without hiding the current
 *       certificate from other readers.</li>
 *   <li>A refresh the scheduler refuses or drops, or one older than twice the refresh timeout, fails its waiters;
 *       the next read or the next timer starts another. Flags change only after the scheduler accepted the task.</li>
 *   <li>No lock is held while calling the Admin API or completing a future.</li>
 * </ol>
 */
final class RefreshAheadCache implements ConnectionInfoCache {
  private static final System.Logger LOG = System.getLogger(RefreshAheadCache.class.getName());
  /** The timer's retry after a refused refresh task: a scheduler that keeps refusing must not make a busy loop. */
  private static final Duration REFUSED_RETRY = Duration.ofSeconds(1);

  private final InstanceUri instance;
  private final Supplier<CompletableFuture<ConnectionInfo>> refresher;
  private final ConnectorScheduler scheduler;
  private final Clock clock;
  private final Ticker ticker;
  private final RefreshPolicy policy;
  private final Duration stuckAfter;

  // guarded by lock
  private final Object lock = new Object();
  private final RefreshGate gate;
  private ConnectionInfo valid;
  private RuntimeException lastError;
  private Refresh inFlight;
  private ScheduledTask next;
  private boolean closed;

  RefreshAheadCache(InstanceUri instance, Supplier<CompletableFuture<ConnectionInfo>> refresher,
      ConnectorScheduler scheduler, Clock clock, Ticker ticker, RefreshPolicy policy, Duration refreshTimeout) {
    this.instance = instance;
    this.refresher = refresher;
    this.scheduler = scheduler;
    this.clock = clock;
    this.ticker = ticker;
    this.policy = policy;
    this.stuckAfter = refreshTimeout.multipliedBy(2);
    this.gate = new RefreshGate(ticker, policy);
  }

  /** Starts the first refresh. */
  RefreshAheadCache start() {
    List<Runnable> after = new ArrayList<>();
    synchronized (lock) {
      if (gate.tryStart()) {
        startLocked(after);
      }
    }
    after.forEach(Runnable::run);
    return this;
  }

  @Override
  public CompletableFuture<ConnectionInfo> connectionInfo() {
    List<Runnable> after = new ArrayList<>();
    CompletableFuture<ConnectionInfo> result;
    synchronized (lock) {
      result = readLocked(after);
    }
    after.forEach(Runnable::run);
    return result;
  }

  private CompletableFuture<ConnectionInfo> readLocked(List<Runnable> after) {
    if (closed) {
      return Futures.failed(closedException());
    }
    giveUpIfStuckLocked(after);
    if (usableLocked()) {
      return CompletableFuture.completedFuture(valid);
    }
    if (inFlight == null && gate.tryStart()) {
      startLocked(after);
    }
    if (inFlight != null) {
      return inFlight.result;
    }
    return Futures.failed(lastError != null ? lastError : new ConnectorOperationException("[" + instance
        + "] No connection info yet; the next refresh may start in " + gate.untilOpen(), null));
  }

  @Override
  public CompletableFuture<ConnectionInfo> refreshAfterFailure(ConnectionInfo used) {
    List<Runnable> after = new ArrayList<>();
    CompletableFuture<ConnectionInfo> result = null;
    synchronized (lock) {
      if (!closed) {
        giveUpIfStuckLocked(after);
        if (valid != used && usableLocked()) {
          result = CompletableFuture.completedFuture(valid);
        } else {
          if (inFlight == null && gate.tryStart()) {
            LOG.log(Level.DEBUG, () -> "[" + instance + "] Refresh after a failed connect");
            startLocked(after);
          }
          result = inFlight == null ? null : inFlight.result;
        }
      }
    }
    after.forEach(Runnable::run);
    return result;
  }

  @Override
  public void abandonRefresh(RuntimeException reason) {
    Refresh abandoned;
    synchronized (lock) {
      abandoned = inFlight;
    }
    if (abandoned != null) {
      finish(abandoned, null, reason, false);
    }
  }

  @Override
  public void close() {
    Refresh pending;
    synchronized (lock) {
      closed = true;
      cancelNextLocked();
      pending = inFlight;
      inFlight = null;
    }
    if (pending != null) {
      pending.cancelWatchdog();
      pending.result.completeExceptionally(closedException());
    }
  }

  private boolean usableLocked() {
    return valid != null && clock.instant().isBefore(valid.expiry());
  }

  /** Submits a refresh; the gate has given a token. Only an accepted task becomes {@code inFlight}. */
  private void startLocked(List<Runnable> after) {
    cancelNextLocked();
    Refresh refresh = new Refresh(ticker.nanos());
    try {
      scheduler.execute(refresh);
      if (refresh.droppedEarly != null) {
        throw refresh.droppedEarly;
      }
    } catch (RejectedExecutionException e) {
      RuntimeException refused = new ConnectorOperationException("[" + instance + "] The connector's scheduler"
          + " refused the refresh task (" + e.getMessage() + "); the next connect or timer tries again", e);
      LOG.log(Level.WARNING, refused.getMessage());
      lastError = refused;
      gate.refund();
      Duration wait = gate.untilOpen();
      scheduleLocked(wait.compareTo(REFUSED_RETRY) > 0 ? wait : REFUSED_RETRY);
      after.add(() -> refresh.result.completeExceptionally(refused));
      return;
    }
    inFlight = refresh;
    try {
      refresh.watchdog = scheduler.schedule(() -> giveUpIfStuck(refresh), stuckAfter);
    } catch (RejectedExecutionException e) {
      LOG.log(Level.DEBUG, () -> "[" + instance + "] No watchdog timer for the refresh (" + e.getMessage()
          + "); reads check its age instead");
    }
  }

  /** A refresh older than twice the refresh timeout failed: its task or a callback it needs was lost. */
  private void giveUpIfStuckLocked(List<Runnable> after) {
    Refresh refresh = inFlight;
    if (refresh != null && ticker.nanos() - refresh.startedNanos >= stuckAfter.toNanos()) {
      after.add(concludeLocked(refresh, null, new ConnectorOperationException("[" + instance + "] A refresh did not"
          + " finish within " + stuckAfter + " (twice the refresh timeout); given up", null), false));
    }
  }

  private void giveUpIfStuck(Refresh refresh) {
    List<Runnable> after = new ArrayList<>();
    synchronized (lock) {
      if (inFlight == refresh) {
        giveUpIfStuckLocked(after);
      }
    }
    after.forEach(Runnable::run);
  }

  private void run(Refresh refresh) {
    synchronized (lock) {
      if (closed || inFlight != refresh) {
        return;
      }
    }
    LOG.log(Level.DEBUG, () -> "[" + instance + "] Refresh started");
    CompletableFuture<ConnectionInfo> result;
    try {
      result = refresher.get();
    } catch (RuntimeException e) {
      result = Futures.failed(e);
    }
    result.whenComplete((info, error) -> finish(refresh, info, error, true));
  }

  /** Records the outcome of {@code refresh} (once), then completes its waiters with no lock held. */
  private void finish(Refresh refresh, ConnectionInfo info, Throwable error, boolean adminFailure) {
    Runnable completion;
    synchronized (lock) {
      if (inFlight != refresh) {
        adoptLateSuccessLocked(info);
        return;
      }
      completion = concludeLocked(refresh, info, error, adminFailure);
    }
    completion.run();
  }

  /** Ends {@code refresh}: updates the state and returns what completes its waiters, to run with no lock held. */
  private Runnable concludeLocked(Refresh refresh, ConnectionInfo info, Throwable error, boolean adminFailure) {
    inFlight = null;
    ConnectionInfo answer = null;
    RuntimeException failure = null;
    if (closed) {
      failure = closedException();
    } else if (error == null) {
      valid = info;
      lastError = null;
      gate.succeeded();
      Duration delay = policy.delayUntilRefresh(clock.instant(), info.expiry());
      LOG.log(Level.DEBUG, () -> "[" + instance + "] Refresh done (instance uid " + info.instanceUid()
          + "); certificate valid until " + info.expiry() + ", next refresh in " + delay);
      scheduleLocked(delay);
      answer = info;
    } else {
      failure = failedLocked(Futures.unwrap(error), adminFailure);
      answer = usableLocked() ? valid : null;
    }
    ConnectionInfo value = answer;
    RuntimeException cause = failure;
    return () -> {
      refresh.cancelWatchdog();
      if (value != null) {
        refresh.result.complete(value);
      } else {
        refresh.result.completeExceptionally(cause);
      }
    };
  }

  /** A refresh given up as stuck may still succeed: its certificate is as good as any. */
  private void adoptLateSuccessLocked(ConnectionInfo info) {
    if (!closed && info != null && (valid == null || info.expiry().isAfter(valid.expiry()))) {
      valid = info;
    }
  }

  private RuntimeException failedLocked(Throwable cause, boolean adminFailure) {
    RuntimeException failure = cause instanceof RuntimeException ? (RuntimeException) cause
        : new ConnectorOperationException("[" + instance + "] Refresh failed: " + cause, cause);
    lastError = failure;
    boolean terminal = cause instanceof AdminApiException && ((AdminApiException) cause).isTerminal();
    Duration backOff = adminFailure && !Futures.rejected(cause) ? gate.failed() : Duration.ZERO;
    if (usableLocked()) {
      LOG.log(Level.WARNING, () -> "[" + instance + "] Refresh failed; still using the certificate valid until "
          + valid.expiry() + ": " + cause.getMessage());
    } else {
      LOG.log(Level.WARNING, () -> "[" + instance + "] Refresh failed: " + cause.getMessage());
    }
    Duration wait = gate.untilOpen();
    Duration delay = wait.compareTo(backOff) > 0 ? wait : backOff;
    if (terminal && delay.compareTo(policy.terminalRetryDelay()) < 0) {
      delay = policy.terminalRetryDelay();
    }
    scheduleLocked(delay);
    return failure;
  }

  /** Runs {@link #scheduledRefresh} after {@code delay}; a refused timer leaves the work to the next read. */
  private void scheduleLocked(Duration delay) {
    cancelNextLocked();
    try {
      next = scheduler.schedule(this::scheduledRefresh, delay);
    } catch (RejectedExecutionException e) {
      LOG.log(Level.DEBUG, () -> "[" + instance + "] The scheduler refused the refresh timer (" + e.getMessage()
          + "); the next connect refreshes");
    }
  }

  private void scheduledRefresh() {
    List<Runnable> after = new ArrayList<>();
    synchronized (lock) {
      next = null;
      if (closed || inFlight != null) {
        return;
      }
      if (gate.tryStart()) {
        startLocked(after);
      } else {
        scheduleLocked(gate.untilOpen());
      }
    }
    after.forEach(Runnable::run);
  }

  private void cancelNextLocked() {
    if (next != null) {
      next.cancel();
      next = null;
    }
  }

  private ConnectorClosedException closedException() {
    return new ConnectorClosedException("[" + instance + "] The connector is closed");
  }

  /** One refresh: its waiters' future, when it started, and its watchdog timer. */
  private final class Refresh implements ConnectorScheduler.DropAware {
    final CompletableFuture<ConnectionInfo> result = new CompletableFuture<>();
    final long startedNanos;
    volatile ScheduledTask watchdog;
    /** Set when the scheduler reports the drop while still accepting the task. */
    volatile RejectedExecutionException droppedEarly;

    Refresh(long startedNanos) {
      this.startedNanos = startedNanos;
    }

    @Override
    public void run() {
      RefreshAheadCache.this.run(this);
    }

    @Override
    public void dropped(RejectedExecutionException reason) {
      droppedEarly = reason;
      finish(this, null, new ConnectorOperationException("[" + instance + "] The connector's scheduler dropped the"
          + " refresh task (" + reason.getMessage() + "); the next connect or timer tries again", reason), false);
    }

    void cancelWatchdog() {
      ScheduledTask timer = watchdog;
      if (timer != null) {
        timer.cancel();
      }
    }
  }
}
