package dev.alloydb.jakarta.ra.work;

import dev.alloydb.jakarta.connector.ScheduledTask;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;

/** A task waiting in the scheduler's delay queue until its deadline ({@link System#nanoTime()} based). */
final class DelayedTask implements Delayed, ScheduledTask {

  private final Runnable task;
  private final long deadlineNanos;
  private final DelayQueue<DelayedTask> queue;
  private volatile boolean cancelled;

  DelayedTask(Runnable task, long deadlineNanos, DelayQueue<DelayedTask> queue) {
    this.task = task;
    this.deadlineNanos = deadlineNanos;
    this.queue = queue;
  }

  Runnable task() {
    return task;
  }

  boolean cancelled() {
    return cancelled;
  }

  @Override
  public void cancel() {
    cancelled = true;
    queue.remove(this);
  }

  @Override
  public long getDelay(TimeUnit unit) {
    return unit.convert(deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
  }

  @Override
  public int compareTo(Delayed other) {
    if (other instanceof DelayedTask task) {
      return Long.compare(deadlineNanos - task.deadlineNanos, 0);
    }
    return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
  }
}
