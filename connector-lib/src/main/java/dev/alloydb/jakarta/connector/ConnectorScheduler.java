package dev.alloydb.jakarta.connector;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;

/**
 * Where the connector's background work runs: refreshes, Admin API calls and deadline timers.
 *
 * <p>By default a connector owns two small pools of daemon threads, one for that work and one for asynchronous
 * connects, and stops both in {@code close()}. A scheduler given through
 * {@link ConnectorConfig.Builder#scheduler(ConnectorScheduler)} belongs to the caller (a resource adapter passes one
 * backed by the JCA {@code WorkManager}), runs the asynchronous connects too, so that the connector starts no thread
 * of its own, and is never shut down by the connector.
 *
 * <p>Implementations must be thread-safe. Tasks are short: they start Admin API calls, fire timers and close
 * sockets at their deadlines; dials and PostgreSQL start-ups never run here unless this scheduler is the caller's
 * (then asynchronous connects run as its tasks, each bounded by its deadlines).
 */
public interface ConnectorScheduler {
  /**
   * A task that must hear when a scheduler accepted it but will not run it after all (a container that rejects a
   * Work it had accepted): a scheduler that can drop accepted tasks calls {@link #dropped}, so that whoever waits for
   * the task fails now instead of at a timeout.
   */
  interface DropAware extends Runnable {
    /** The task will never run. Must not block. */
    void dropped(RejectedExecutionException reason);
  }

  /**
   * Runs a task soon, never on the calling thread. If the task is {@link DropAware} and the scheduler later gives it
   * up, it calls {@link DropAware#dropped}.
   *
   * @throws RejectedExecutionException if the scheduler cannot accept work
   */
  void execute(Runnable task);

  /**
   * Runs a task once after a delay.
   *
   * @throws RejectedExecutionException if the scheduler cannot accept work
   */
  ScheduledTask schedule(Runnable task, Duration delay);
}
