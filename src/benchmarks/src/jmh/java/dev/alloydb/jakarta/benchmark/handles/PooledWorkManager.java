package dev.alloydb.jakarta.benchmark.handles;

import jakarta.resource.spi.work.ExecutionContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkEvent;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkListener;
import jakarta.resource.spi.work.WorkManager;
import jakarta.resource.spi.work.WorkRejectedException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * The container's WorkManager as far as the adapter uses it (its certificate refreshes): Works run on daemon pool
 * threads. The benchmarked calls never reach it; the adapter only needs one to start.
 */
final class PooledWorkManager implements WorkManager, AutoCloseable {

  private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "handles-work-manager");
    thread.setDaemon(true);
    return thread;
  });

  @Override
  public void doWork(Work work) {
    work.run();
  }

  @Override
  public void doWork(Work work, long startTimeout, ExecutionContext context, WorkListener listener) {
    work.run();
  }

  @Override
  public long startWork(Work work) throws WorkException {
    scheduleWork(work, INDEFINITE, null, null);
    return 0;
  }

  @Override
  public long startWork(Work work, long startTimeout, ExecutionContext context, WorkListener listener)
      throws WorkException {
    scheduleWork(work, startTimeout, context, listener);
    return 0;
  }

  @Override
  public void scheduleWork(Work work) throws WorkException {
    scheduleWork(work, INDEFINITE, null, null);
  }

  @Override
  public void scheduleWork(Work work, long startTimeout, ExecutionContext context, WorkListener listener)
      throws WorkException {
    try {
      executor.execute(() -> {
        if (listener != null) {
          listener.workStarted(new WorkEvent(this, WorkEvent.WORK_STARTED, work, null));
        }
        try {
          work.run();
        } finally {
          if (listener != null) {
            listener.workCompleted(new WorkEvent(this, WorkEvent.WORK_COMPLETED, work, null));
          }
        }
      });
    } catch (RejectedExecutionException e) {
      throw new WorkRejectedException(e);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
