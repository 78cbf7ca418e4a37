package dev.alloydb.jakarta.connector;

import java.time.Duration;

/**
 * The only way the connector gets threads: refreshes, Admin API calls and asynchronous connects all run through it.
 *
 * <p>By default a connector owns a small pool of daemon threads and stops it in {@code close()}. A scheduler given
 * through {@link ConnectorConfig.Builder#scheduler(ConnectorScheduler)} belongs to the caller (a resource adapter
 * passes one backed by the JCA {@code WorkManager}) and is never shut down by the connector.
 *
 * <p>Implementations must be thread-safe. Tasks may block on network I/O for a bounded time.
 */
public interface ConnectorScheduler {
  /**
   * Runs a task soon, never on the calling thread.
   *
   * @throws java.util.concurrent.RejectedExecutionException if the scheduler cannot accept work
   */
  void execute(Runnable task);

  /**
   * Runs a task once after a delay.
   *
   * @throws java.util.concurrent.RejectedExecutionException if the scheduler cannot accept work
   */
  ScheduledTask schedule(Runnable task, Duration delay);
}
