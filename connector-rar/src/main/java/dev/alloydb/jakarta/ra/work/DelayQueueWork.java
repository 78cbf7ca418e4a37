package dev.alloydb.jakarta.ra.work;

import jakarta.resource.spi.work.HintsContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkContext;
import jakarta.resource.spi.work.WorkContextProvider;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.TimeUnit;

/**
 * One turn of the scheduler's delay queue: for at most one turn it waits for the next due task and hands it to
 * {@link WorkManagerScheduler#handOver}, so task code always runs in a Work of its own; then it ends and
 * {@link WorkManagerScheduler#queueWorkEnded} submits the next turn from this Work's thread. {@link #release()}
 * (called by the container or by {@link WorkManagerScheduler#stop}) wakes it and ends it.
 */
final class DelayQueueWork implements Work, WorkContextProvider {

  /** The task of the already-due marker {@link #release()} queues to wake {@code poll}; it never runs. */
  private static final Runnable WAKE_UP = () -> { };

  private final DelayQueue<DelayedTask> queue;
  private final WorkManagerScheduler scheduler;
  private final boolean hintsSupported;
  private final long turnNanos;
  private volatile boolean released;

  DelayQueueWork(DelayQueue<DelayedTask> queue, WorkManagerScheduler scheduler, boolean hintsSupported,
      Duration turn) {
    this.queue = queue;
    this.scheduler = scheduler;
    this.hintsSupported = hintsSupported;
    this.turnNanos = turn.toNanos();
  }

  @Override
  public void run() {
    scheduler.workStarted();
    try {
      drain();
    } finally {
      scheduler.queueWorkEnded(this);
    }
  }

  private void drain() {
    long end = System.nanoTime() + turnNanos;
    while (!released) {
      long left = end - System.nanoTime();
      if (left <= 0) {
        return;
      }
      DelayedTask due;
      try {
        due = queue.poll(left, TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (due == null || due.task() == WAKE_UP) {
        continue;
      }
      if (released) {
        // Taken just as the Work was released: leave it for the next Work instead of dropping it.
        scheduler.putBack(due);
        return;
      }
      if (!due.cancelled()) {
        scheduler.handOver(due.task());
      }
    }
  }

  @Override
  public void release() {
    released = true;
    // An already-due marker wakes poll(); the loop then sees the flag.
    queue.add(new DelayedTask(WAKE_UP, System.nanoTime() - 1, queue));
  }

  @Override
  public List<WorkContext> getWorkContexts() {
    if (!hintsSupported) {
      return List.of();
    }
    HintsContext hints = new HintsContext();
    hints.setName("AlloyDB connector delay queue");
    return List.of(hints);
  }
}
