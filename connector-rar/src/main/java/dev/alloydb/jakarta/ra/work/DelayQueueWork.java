package dev.alloydb.jakarta.ra.work;

import jakarta.resource.spi.work.HintsContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkContext;
import jakarta.resource.spi.work.WorkContextProvider;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.RejectedExecutionException;

/**
 * The one long-running Work that holds the delay queue: it waits for the next due task and hands it to
 * {@link WorkManagerScheduler#execute}, so task code always runs in a Work of its own. {@link #release()} (called by
 * the container or by {@link WorkManagerScheduler#stop}) wakes it and ends it.
 */
final class DelayQueueWork implements Work, WorkContextProvider {

  private static final System.Logger LOG = System.getLogger(DelayQueueWork.class.getName());
  /** The task of the already-due marker {@link #release()} queues to wake {@code take()}; it never runs. */
  private static final Runnable WAKE_UP = () -> { };

  private final DelayQueue<DelayedTask> queue;
  private final WorkManagerScheduler scheduler;
  private final boolean longRunningHint;
  private volatile boolean released;

  DelayQueueWork(DelayQueue<DelayedTask> queue, WorkManagerScheduler scheduler, boolean longRunningHint) {
    this.queue = queue;
    this.scheduler = scheduler;
    this.longRunningHint = longRunningHint;
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
    while (!released) {
      DelayedTask due;
      try {
        due = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (due.task() == WAKE_UP) {
        continue;
      }
      if (released) {
        // Taken just as the Work was released: leave it for the replacement Work instead of dropping it.
        scheduler.putBack(due);
        return;
      }
      if (!due.cancelled()) {
        try {
          scheduler.execute(due.task());
        } catch (RejectedExecutionException e) {
          LOG.log(Level.WARNING, "Could not run a delayed AlloyDB connector task", e);
        }
      }
    }
  }

  @Override
  public void release() {
    released = true;
    // An already-due marker wakes take(); the loop then sees the flag.
    queue.add(new DelayedTask(WAKE_UP, System.nanoTime() - 1, queue));
  }

  @Override
  public List<WorkContext> getWorkContexts() {
    if (!longRunningHint) {
      return List.of();
    }
    HintsContext hints = new HintsContext();
    hints.setName("AlloyDB connector delay queue");
    hints.setHint(HintsContext.LONGRUNNING_HINT, Boolean.TRUE);
    return List.of(hints);
  }
}
