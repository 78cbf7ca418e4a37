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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The connector's {@link ConnectorScheduler} on a JCA {@link WorkManager}: the adapter never starts a thread, and
 * once {@link #start}ed it never calls the WorkManager from its caller's thread.
 *
 * <p>Every task, due now or later, waits in one {@link DelayQueue}, drained by a {@link DelayQueueWork} that
 * {@link #start} submits on the container's thread ({@code ResourceAdapter.start}). When a task is due, that Work
 * submits one short {@link TaskWork} for it with {@code scheduleWork}, so tasks (refreshes block on HTTP) run
 * concurrently, each on a container thread, and the WorkManager is only ever called from container threads. That
 * matters: a WorkManager may tie a Work to the application of the thread that submits it (Open Liberty does not
 * run a Work an application submits before it has finished starting), and connections are opened on application
 * threads. Each {@link DelayQueueWork} runs for at most {@link #TURN}, then submits its successor from its own
 * thread: a server that waits for the Works running when it begins to stop (Open Liberty's quiesce) waits at most
 * one turn. Submissions go through {@link ContextFreeSubmitter}, so no pool thread the container creates keeps the
 * adapter's class loader.
 *
 * <p>If the container refuses the queue Work, the next task submitted, whatever its thread, starts another: the one
 * case in which the caller's thread calls the WorkManager. A task Work the container rejects is reported to the task
 * if it is {@link ConnectorScheduler.DropAware}, so the connector fails what waits for it at once; so are due tasks
 * whose queue Work the container rejected, and tasks still waiting when the scheduler stops. {@link #stop} releases
 * the queue Work and waits, bounded, for every Work to end.
 *
 * <p>Thread-safe.
 */
public final class WorkManagerScheduler implements ConnectorScheduler {

  /** The longest a {@link DelayQueueWork} runs before it hands the queue to its successor. */
  static final Duration TURN = Duration.ofSeconds(1);
  private static final System.Logger LOG = System.getLogger(WorkManagerScheduler.class.getName());

  private final WorkManager workManager;
  private final boolean hintsSupported;
  private final Duration turn;
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
   * @param hintsSupported whether the container supports {@code HintsContext} (then the queue Work gives its name)
   */
  public WorkManagerScheduler(WorkManager workManager, boolean hintsSupported) {
    this(workManager, hintsSupported, TURN);
  }

  WorkManagerScheduler(WorkManager workManager, boolean hintsSupported, Duration turn) {
    this.workManager = workManager;
    this.hintsSupported = hintsSupported;
    this.turn = turn;
  }

  /**
   * Submits the queue Work from the calling thread, which must be the container's ({@code ResourceAdapter.start}).
   * If the container refuses it, the refusal is logged and the first task submitted starts it instead.
   */
  public void start() {
    synchronized (lock) {
      if (stopped || queueWork != null) {
        return;
      }
      try {
        startQueueWorkLocked();
      } catch (RejectedExecutionException e) {
        LOG.log(Level.WARNING, "The container refused the AlloyDB connector's delay-queue Work; the first"
            + " connector task will submit it again", e);
      }
    }
  }

  @Override
  public void execute(Runnable task) {
    enqueue(new DelayedTask(task, System.nanoTime(), queue));
  }

  @Override
  public ScheduledTask schedule(Runnable task, Duration delay) {
    DelayedTask delayed = new DelayedTask(task, System.nanoTime() + Math.max(0, delay.toNanos()), queue);
    enqueue(delayed);
    return delayed;
  }

  private void enqueue(DelayedTask task) {
    synchronized (lock) {
      if (stopped) {
        throw new RejectedExecutionException("The AlloyDB resource adapter is stopped");
      }
      if (queueWork == null) {
        // Not started, or the container refused the queue Work: only then does the caller's thread submit one.
        startQueueWorkLocked();
      }
      queue.add(task);
    }
  }

  /**
   * Stops accepting tasks, drops waiting tasks (telling those that are {@link ConnectorScheduler.DropAware}),
   * releases the queue Work and waits until every Work of this scheduler has ended or the timeout passes.
   *
   * @return whether every Work ended in time
   */
  public boolean stop(Duration timeout) {
    DelayQueueWork running;
    synchronized (lock) {
      stopped = true;
      running = queueWork;
    }
    dropWaiting(false, new RejectedExecutionException("The AlloyDB resource adapter is stopped"));
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

  /** How many tasks are waiting in the queue, due or not (diagnostics). */
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

  /** Runs a due task in a Work of its own; called by the queue Work, on a container thread. */
  void handOver(Runnable task) {
    TaskWork work = new TaskWork(task, this);
    try {
      submit(work);
    } catch (RejectedExecutionException e) {
      boolean stopping;
      synchronized (lock) {
        stopping = stopped;
      }
      if (!stopping) {
        LOG.log(Level.WARNING, "Could not run an AlloyDB connector task", e);
      }
      work.dropped(e);
    }
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
   * The queue Work ended, at the end of its turn or released by the container: unless this scheduler is stopped,
   * start its successor from this (the ended Work's) container thread.
   */
  void queueWorkEnded(DelayQueueWork ended) {
    synchronized (lock) {
      if (queueWork != ended) {
        return;
      }
      queueWork = null;
      if (stopped) {
        return;
      }
      try {
        startQueueWorkLocked();
      } catch (RejectedExecutionException e) {
        LOG.log(Level.WARNING, "Could not continue the AlloyDB connector's delay queue; the next connector task"
            + " will submit it again", e);
        dropWaiting(true, e);
      }
    }
  }

  /** Submits a Work that drains the delay queue; the lock is held (it is reentrant for {@link #submit}). */
  private void startQueueWorkLocked() {
    DelayQueueWork started = new DelayQueueWork(queue, this, hintsSupported, turn);
    submit(started);
    queueWork = started;
  }

  /**
   * Removes waiting tasks ({@code dueOnly}: those already due, which nothing will run now) and tells the
   * {@link ConnectorScheduler.DropAware} ones.
   */
  private void dropWaiting(boolean dueOnly, RejectedExecutionException reason) {
    List<DelayedTask> removed = new ArrayList<>();
    if (dueOnly) {
      for (DelayedTask due = queue.poll(); due != null; due = queue.poll()) {
        removed.add(due);
      }
    } else {
      removed.addAll(queue);
      queue.clear();
    }
    for (DelayedTask task : removed) {
      if (!task.cancelled() && task.task() instanceof ConnectorScheduler.DropAware aware) {
        aware.dropped(reason);
      }
    }
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
      RejectedExecutionException reason = new RejectedExecutionException("The container's WorkManager rejected an"
          + " AlloyDB connector Work it had accepted"
          + (event.getException() == null ? "" : ": " + event.getException().getMessage()));
      if (work instanceof DelayQueueWork rejected) {
        // Never ran: forget it without resubmitting here (no rejection loop); the next task submits another.
        // Due tasks would wait for that: tell them now.
        synchronized (lock) {
          if (queueWork == rejected) {
            queueWork = null;
            dropWaiting(true, reason);
          }
        }
      } else if (work instanceof TaskWork rejected) {
        rejected.dropped(reason);
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
