package dev.alloydb.jakarta.connector.internal;

import dev.alloydb.jakarta.connector.ConnectorScheduler;
import dev.alloydb.jakarta.connector.ScheduledTask;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The default scheduler: a small pool of daemon threads owned by one connector, created on demand, idle threads
 * ending after a while, all stopped by {@link #close()}. Thread names start with {@link #THREAD_PREFIX}.
 */
final class DaemonScheduler implements ConnectorScheduler, AutoCloseable {
  static final String THREAD_PREFIX = "alloydb-connector-";
  private static final int THREADS = 4;
  private static final AtomicInteger SCHEDULERS = new AtomicInteger();

  private final ScheduledThreadPoolExecutor executor;

  DaemonScheduler() {
    executor = new ScheduledThreadPoolExecutor(THREADS, daemonThreads(SCHEDULERS.incrementAndGet()));
    executor.setRemoveOnCancelPolicy(true);
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    executor.setKeepAliveTime(30, TimeUnit.SECONDS);
    executor.allowCoreThreadTimeOut(true);
  }

  private static ThreadFactory daemonThreads(int scheduler) {
    AtomicInteger threads = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, THREAD_PREFIX + scheduler + "-" + threads.incrementAndGet());
      thread.setDaemon(true);
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
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
