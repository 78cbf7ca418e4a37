package dev.alloydb.jakarta.ra.work;

import dev.alloydb.jakarta.connector.ConnectorScheduler;
import dev.alloydb.jakarta.connector.ScheduledTask;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkEvent;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkListener;
import jakarta.resource.spi.work.WorkManager;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The connector's {@link ConnectorScheduler} on a JCA {@link WorkManager}: the adapter never starts a thread.
 *
 * <p>{@link #execute} submits one short {@link jakarta.resource.spi.work.Work} per task with {@code scheduleWork},
 * through {@link ContextFreeSubmitter} so that no pool thread it makes the container create keeps the adapter's
 * class loader. Delayed tasks wait in a {@link DelayQueue} drained by a single long-running Work (started on the
 * first delayed task, and again on the next call if the container rejected it); when a task is due it only hands it
 * to {@link #execute}, so it never runs task code itself. A task Work the container rejects after accepting it is
 * reported to the task if it is {@link ConnectorScheduler.DropAware}, so the connector fails what waits for it at
 * once. {@link #stop} releases the queue Work and waits, bounded, for every Work to end.
 *
 * <p>Thread-safe.
 */
public final class WorkManagerScheduler implements ConnectorScheduler {

  private static final System.Logger LOG = System.getLogger(WorkManagerScheduler.class.getName());

  private final WorkManager workManager;
  private final boolean longRunningHint;
  private final DelayQueue<DelayedTask> queue = new DelayQueue<>();
  private final Set<String> threadNames = ConcurrentHashMap.newKeySet();
  private final AtomicLong tasksRun = new AtomicLong();
  private final Object lock = new Object();
  /** Guarded by {@link #lock}. */
  private int worksInFlight;
  /** Guarded by {@link #lock}. */
  private DelayQueueWork queueWork;
  /** Guarded by {@link #lock}. */
  private boolean stopped;

  /**
   * @param workManager the container's work manager
   * @param longRunningHint whether the container supports {@code HintsContext} (then the queue Work says it is
   *     long-running)
   */
  public WorkManagerScheduler(WorkManager workManager, boolean longRunningHint) {
    this.workManager = workManager;
    this.longRunningHint = longRunningHint;
  }

  @Override
  public void execute(Runnable task) {
    submit(new TaskWork(task, this));
    synchronized (lock) {
      if (queueWork == null && !queue.isEmpty()) {
        startQueueWorkLocked();
      }
    }
  }

  @Override
  public ScheduledTask schedule(Runnable task, Duration delay) {
    DelayedTask delayed = new DelayedTask(task, System.nanoTime() + Math.max(0, delay.toNanos()), queue);
    synchronized (lock) {
      if (stopped) {
        throw new RejectedExecutionException("The AlloyDB resource adapter is stopped");
      }
      if (queueWork == null) {
        startQueueWorkLocked();
      }
      queue.add(delayed);
    }
    return delayed;
  }

  /**
   * Stops accepting tasks, drops pending delayed tasks, releases the queue Work and waits until every Work of
   * this scheduler has ended or the timeout passes.
   *
   * @return whether every Work ended in time
   */
  public boolean stop(Duration timeout) {
    DelayQueueWork running;
    synchronized (lock) {
      stopped = true;
      running = queueWork;
    }
    queue.clear();
    if (running != null) {
      running.release();
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (worksInFlight > 0) {
        long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
        if (remainingMillis <= 0) {
          LOG.log(Level.WARNING, "{0} AlloyDB connector Work(s) still running after {1}",
              worksInFlight, timeout);
          return false;
        }
        try {
          lock.wait(remainingMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
    return true;
  }

  /** Names of the container threads that have run this scheduler's Works (diagnostics). */
  public List<String> threadNames() {
    return List.copyOf(threadNames);
  }

  /** How many tasks have run (diagnostics). */
  public long tasksRun() {
    return tasksRun.get();
  }

  /** How many delayed tasks are waiting (diagnostics). */
  public int pendingDelayedTasks() {
    return queue.size();
  }

  /** How many of this scheduler's Works are accepted and not yet ended (diagnostics). */
  public int worksInFlight() {
    synchronized (lock) {
      return worksInFlight;
    }
  }

  void taskStarted() {
    threadNames.add(Thread.currentThread().getName());
    tasksRun.incrementAndGet();
  }

  void workStarted() {
    threadNames.add(Thread.currentThread().getName());
  }

  /** Returns a due task the released queue Work took but did not hand over; dropped once stopped. */
  void putBack(DelayedTask task) {
    synchronized (lock) {
      if (!stopped) {
        queue.add(task);
      }
    }
  }

  /**
   * The queue Work ended. If that was not {@link #stop} (the container released it on its own), start another
   * so tasks still waiting in the queue run.
   */
  void queueWorkEnded(DelayQueueWork ended) {
    synchronized (lock) {
      if (queueWork != ended) {
        return;
      }
      queueWork = null;
      if (stopped || queue.isEmpty()) {
        return;
      }
      try {
        startQueueWorkLocked();
      } catch (RejectedExecutionException e) {
        LOG.log(Level.WARNING, "Could not restart the AlloyDB connector's delay queue", e);
      }
    }
  }

  /** Submits a Work that drains the delay queue; the lock is held (it is reentrant for {@link #submit}). */
  private void startQueueWorkLocked() {
    DelayQueueWork started = new DelayQueueWork(queue, this, longRunningHint);
    submit(started);
    queueWork = started;
  }

  private void submit(Work work) {
    synchronized (lock) {
      if (stopped) {
        throw new RejectedExecutionException("The AlloyDB resource adapter is stopped");
      }
      worksInFlight++;
    }
    Completion completion = new Completion(work);
    try {
      ContextFreeSubmitter.scheduleWork(workManager, work, completion);
    } catch (WorkException | RuntimeException e) {
      completion.ended();
      throw new RejectedExecutionException("The container's WorkManager rejected AlloyDB connector work", e);
    }
  }

  /**
   * Counts a Work as ended however it ends (completed, failed, rejected after acceptance, or refused by
   * {@code scheduleWork} itself), once: a container may both call {@code workRejected} and throw.
   */
  private final class Completion implements WorkListener {
    private final Work work;
    private final AtomicBoolean ended = new AtomicBoolean();

    Completion(Work work) {
      this.work = work;
    }

    void ended() {
      if (ended.compareAndSet(false, true)) {
        synchronized (lock) {
          worksInFlight--;
          lock.notifyAll();
        }
      }
    }

    @Override
    public void workAccepted(WorkEvent event) {
    }

    @Override
    public void workRejected(WorkEvent event) {
      if (work instanceof DelayQueueWork rejected) {
        // Never ran: forget it without restarting, so the next call tries again (no rejection loop).
        synchronized (lock) {
          if (queueWork == rejected) {
            queueWork = null;
          }
        }
      } else if (work instanceof TaskWork rejected) {
        rejected.dropped(new RejectedExecutionException("The container's WorkManager rejected an AlloyDB"
            + " connector Work it had accepted"
            + (event.getException() == null ? "" : ": " + event.getException().getMessage())));
      }
      ended();
    }

    @Override
    public void workStarted(WorkEvent event) {
    }

    @Override
    public void workCompleted(WorkEvent event) {
      ended();
    }
  }
}
