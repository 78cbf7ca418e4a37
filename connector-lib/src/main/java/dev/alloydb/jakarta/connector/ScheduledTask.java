package dev.alloydb.jakarta.connector;

/** A task scheduled through a {@link ConnectorScheduler}. */
@FunctionalInterface
public interface ScheduledTask {
  /** Cancels the task if it has not started. Idempotent; never interrupts a running task. */
  void cancel();
}
