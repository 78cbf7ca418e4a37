package dev.alloydb.jakarta.connector.internal;

import dev.alloydb.jakarta.connector.ConnectorScheduler;
import dev.alloydb.jakarta.connector.ScheduledTask;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Presents a {@link ConnectorScheduler} as a {@link ScheduledExecutorService}, so that gax runs its transport and
 * retry work on the connector's scheduler instead of creating threads of its own.
 *
 * <p>Shutting it down only makes it reject new work: the threads belong to the scheduler. A task the scheduler
 * accepts and then drops is reported to {@code onDrop}: gax would otherwise wait for it for ever. Thread-safe.
 */
final class SchedulerExecutorService extends AbstractExecutorService implements ScheduledExecutorService {
  private final ConnectorScheduler scheduler;
  private final Consumer<RejectedExecutionException> onDrop;
  private volatile boolean shutdown;

  SchedulerExecutorService(ConnectorScheduler scheduler, Consumer<RejectedExecutionException> onDrop) {
    this.scheduler = scheduler;
    this.onDrop = onDrop;
  }

  @Override
  public void execute(Runnable command) {
    checkOpen();
    scheduler.execute(reported(command));
  }

  private ConnectorScheduler.DropAware reported(Runnable command) {
    return new ConnectorScheduler.DropAware() {
      @Override
      public void run() {
        command.run();
      }

      @Override
      public void dropped(RejectedExecutionException reason) {
        onDrop.accept(reason);
      }
    };
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    return schedule(Executors.callable(command), delay, unit);
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    checkOpen();
    DelayedTask<V> task = new DelayedTask<>(callable, System.nanoTime() + unit.toNanos(delay));
    task.bind(scheduler.schedule(reported(task), Duration.ofNanos(Math.max(0, unit.toNanos(delay)))));
    return task;
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
    return new PeriodicTask(command, unit.toNanos(period)).start(unit.toNanos(initialDelay));
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay,
      TimeUnit unit) {
    return scheduleAtFixedRate(command, initialDelay, delay, unit);
  }

  @Override
  public void shutdown() {
    shutdown = true;
  }

  @Override
  public List<Runnable> shutdownNow() {
    shutdown = true;
    return List.of();
  }

  @Override
  public boolean isShutdown() {
    return shutdown;
  }

  @Override
  public boolean isTerminated() {
    return shutdown;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return shutdown;
  }

  private void checkOpen() {
    if (shutdown) {
      throw new RejectedExecutionException("The connector's executor is shut down");
    }
  }

  /** A one-shot task whose cancellation also cancels its scheduler entry. */
  private static final class DelayedTask<V> extends FutureTask<V> implements ScheduledFuture<V> {
    private final long deadlineNanos;
    private volatile ScheduledTask handle;

    DelayedTask(Callable<V> callable, long deadlineNanos) {
      super(callable);
      this.deadlineNanos = deadlineNanos;
    }

    void bind(ScheduledTask scheduled) {
      handle = scheduled;
      if (isCancelled()) {
        scheduled.cancel();
      }
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean cancelled = super.cancel(mayInterruptIfRunning);
      ScheduledTask scheduled = handle;
      if (cancelled && scheduled != null) {
        scheduled.cancel();
      }
      return cancelled;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
      return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
    }
  }

  /** A repeating task: each run schedules the next until cancelled or the executor is shut down. */
  private final class PeriodicTask extends FutureTask<Void> implements ScheduledFuture<Void> {
    private final Runnable command;
    private final long periodNanos;
    private volatile long nextNanos;
    private volatile ScheduledTask handle;

    PeriodicTask(Runnable command, long periodNanos) {
      super(command, null);
      this.command = command;
      this.periodNanos = periodNanos;
    }

    PeriodicTask start(long delayNanos) {
      checkOpen();
      arm(delayNanos);
      return this;
    }

    private void arm(long delayNanos) {
      nextNanos = System.nanoTime() + delayNanos;
      handle = scheduler.schedule(reported(this::runOnce), Duration.ofNanos(Math.max(0, delayNanos)));
    }

    private void runOnce() {
      if (isDone() || shutdown) {
        return;
      }
      try {
        command.run();
      } catch (RuntimeException e) {
        setException(e);
        return;
      }
      if (!isDone() && !shutdown) {
        arm(periodNanos);
      }
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean cancelled = super.cancel(false);
      ScheduledTask scheduled = handle;
      if (scheduled != null) {
        scheduled.cancel();
      }
      return cancelled;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(nextNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
      return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
    }
  }
}
