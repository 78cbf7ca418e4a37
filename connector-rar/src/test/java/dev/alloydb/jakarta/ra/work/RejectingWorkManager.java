package dev.alloydb.jakarta.ra.work;

import dev.alloydb.jakarta.testkit.jca.ExecutorWorkManager;
import jakarta.resource.spi.work.ExecutionContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkEvent;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkListener;
import jakarta.resource.spi.work.WorkManager;
import jakarta.resource.spi.work.WorkRejectedException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A work manager that rejects exactly one Work, the Nth scheduled: either at once ({@code scheduleWork} throws) or
 * later (it accepts the Work, then reports {@code workRejected} and never runs it), the way containers do.
 */
final class RejectingWorkManager implements WorkManager, AutoCloseable {
  enum Mode { AT_ONCE, LATER }

  private final ExecutorWorkManager delegate = new ExecutorWorkManager();
  private final AtomicInteger count = new AtomicInteger();
  private final int rejected;
  private final Mode mode;

  RejectingWorkManager(int rejected, Mode mode) {
    this.rejected = rejected;
    this.mode = mode;
  }

  @Override
  public void scheduleWork(Work work, long startTimeout, ExecutionContext context, WorkListener listener)
      throws WorkException {
    if (count.incrementAndGet() != rejected) {
      delegate.scheduleWork(work, startTimeout, context, listener);
      return;
    }
    WorkRejectedException refusal = new WorkRejectedException("rejected by the test (Work " + rejected + ")");
    if (mode == Mode.AT_ONCE) {
      throw refusal;
    }
    new Thread(() -> listener.workRejected(new WorkEvent(this, WorkEvent.WORK_REJECTED, work, refusal)),
        "fixture-rejection").start();
  }

  @Override
  public void scheduleWork(Work work) throws WorkException {
    scheduleWork(work, INDEFINITE, null, null);
  }

  @Override
  public void doWork(Work work) throws WorkException {
    throw new UnsupportedOperationException("the adapter only schedules Works");
  }

  @Override
  public void doWork(Work work, long startTimeout, ExecutionContext context, WorkListener listener)
      throws WorkException {
    throw new UnsupportedOperationException("the adapter only schedules Works");
  }

  @Override
  public long startWork(Work work) throws WorkException {
    throw new UnsupportedOperationException("the adapter only schedules Works");
  }

  @Override
  public long startWork(Work work, long startTimeout, ExecutionContext context, WorkListener listener)
      throws WorkException {
    throw new UnsupportedOperationException("the adapter only schedules Works");
  }

  @Override
  public void close() {
    delegate.close();
  }
}
