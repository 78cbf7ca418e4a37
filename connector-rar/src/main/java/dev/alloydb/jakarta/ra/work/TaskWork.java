package dev.alloydb.jakarta.ra.work;

import dev.alloydb.jakarta.connector.ConnectorScheduler;
import jakarta.resource.spi.work.Work;
import java.lang.System.Logger.Level;
import java.util.concurrent.RejectedExecutionException;

/** One connector task run once on a container thread. */
final class TaskWork implements Work {

  private static final System.Logger LOG = System.getLogger(TaskWork.class.getName());

  private final Runnable task;
  private final WorkManagerScheduler scheduler;

  TaskWork(Runnable task, WorkManagerScheduler scheduler) {
    this.task = task;
    this.scheduler = scheduler;
  }

  @Override
  public void run() {
    scheduler.taskStarted();
    try {
      task.run();
    } catch (RuntimeException e) {
      // A failing task must not poison the container thread; the connector reports its own failures.
      LOG.log(Level.WARNING, "AlloyDB connector task failed", e);
    }
  }

  /** The container will not run this Work: tell the task, if it wants to know. */
  void dropped(RejectedExecutionException reason) {
    if (task instanceof ConnectorScheduler.DropAware aware) {
      aware.dropped(reason);
    }
  }

  @Override
  public void release() {
    // Tasks are short or bounded by their own deadlines (a refresh step, a timer, an asynchronous connect).
  }
}
