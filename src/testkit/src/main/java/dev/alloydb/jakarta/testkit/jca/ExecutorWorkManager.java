package dev.alloydb.jakarta.testkit.jca;

import jakarta.resource.spi.work.ExecutionContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkEvent;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkListener;
import jakarta.resource.spi.work.WorkManager;
import jakarta.resource.spi.work.WorkRejectedException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the container's WorkManager (the container is not what the adapter's tests and the handle
 * benchmark check): Works run on pooled threads named {@value #THREAD_PREFIX}N, the way Payara runs them on its
 * ORB thread pool.
 */
public final class ExecutorWorkManager implements WorkManager, AutoCloseable {

  /** Name prefix of this work manager's threads. */
  public static final String THREAD_PREFIX = "test-work-manager-";

  private final AtomicInteger threads = new AtomicInteger();
  private final List<Submission> scheduled = new CopyOnWriteArrayList<>();
  private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, THREAD_PREFIX + threads.incrementAndGet());
    thread.setDaemon(true);
    return thread;
  });

  @Override
  public void doWork(Work work) throws WorkException {
    work.run();
  }

  @Override
  public void doWork(Work work, long startTimeout, ExecutionContext context, WorkListener listener)
      throws WorkException {
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

  /** A Work scheduled and the name of the thread that called {@code scheduleWork}. */
  public record Submission(Work work, String thread) {
  }

  /** Every Work scheduled so far, in order. */
  public List<Work> scheduledWorks() {
    return scheduled.stream().map(Submission::work).toList();
  }

  /** Every {@code scheduleWork} call so far, in order. */
  public List<Submission> submissions() {
    return List.copyOf(scheduled);
  }

  @Override
  public void scheduleWork(Work work, long startTimeout, ExecutionContext context, WorkListener listener)
      throws WorkException {
    scheduled.add(new Submission(work, Thread.currentThread().getName()));
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

  /** Whether every thread has ended after {@link #close()}. */
  public boolean awaitTermination(long seconds) throws InterruptedException {
    return executor.awaitTermination(seconds, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
