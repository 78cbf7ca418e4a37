package dev.alloydb.jakarta.connector.internal;

import dev.alloydb.jakarta.connector.ConnectorScheduler;
import dev.alloydb.jakarta.connector.ScheduledTask;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small pool of daemon threads owned by one connector, created on demand, idle threads ending after a while, all
 * stopped by {@link #close()}. A connector owns two: the default scheduler (refreshes, Admin API calls, timers) and a
 * separate one for asynchronous connects, so that stalled dials never hold a thread a refresh needs. Thread names
 * start with {@link #THREAD_PREFIX}.
 */
final class DaemonScheduler implements ConnectorScheduler, AutoCloseable {
  static final String THREAD_PREFIX = "alloydb-connector-";
  // A first connection runs five tasks at once: key generation, class warm-up, the refresh and its two Admin API
  // calls (gax-httpjson runs each request on this scheduler); threads are created only when needed.
  private static final int THREADS = 6;
  private static final int CONNECT_THREADS = 8;
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
  private static final AtomicInteger SCHEDULERS = new AtomicInteger();

  private final ScheduledThreadPoolExecutor executor;
  /** Every thread this scheduler started; weakly, so that ended ones are forgotten. Guarded by itself. */
  private final Set<Thread> threads = Collections.newSetFromMap(new WeakHashMap<>());

  DaemonScheduler() {
    this("", THREADS);
  }

  private DaemonScheduler(String role, int threads) {
    executor = new ScheduledThreadPoolExecutor(threads, daemonThreads(role + SCHEDULERS.incrementAndGet()));
    executor.setRemoveOnCancelPolicy(true);
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    executor.setKeepAliveTime(30, TimeUnit.SECONDS);
    executor.allowCoreThreadTimeOut(true);
  }

  /** The pool of asynchronous connects: dials and PostgreSQL start-ups, each bounded by its deadlines. */
  static DaemonScheduler forConnects() {
    return new DaemonScheduler("connect-", CONNECT_THREADS);
  }

  private ThreadFactory daemonThreads(String scheduler) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, THREAD_PREFIX + scheduler + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      synchronized (threads) {
        threads.add(thread);
      }
      return thread;
    };
  }

  @Override
  public void execute(Runnable task) {
    executor.execute(task);
  }

  @Override
  public ScheduledTask schedule(Runnable task, Duration delay) {
    ScheduledFuture<?> future = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    return () -> future.cancel(false);
  }

  /** Stops every thread: interrupts running tasks and waits (bounded) until the threads have ended. */
  @Override
  public void close() {
    executor.shutdownNow();
    long deadline = System.nanoTime() + CLOSE_TIMEOUT.toNanos();
    try {
      executor.awaitTermination(CLOSE_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
      // The pool terminates when its last worker leaves the pool, a moment before that thread ends; callers that
      // look for the connector's threads right after close() must not find them.
      List<Thread> started;
      synchronized (threads) {
        started = List.copyOf(threads);
      }
      for (Thread thread : started) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          break;
        }
        if (thread != Thread.currentThread()) {
          thread.join(left);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
