package dev.alloydb.jakarta.connector.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The gax-facing adapter: runs, delays, repeats and cancels on the connector's scheduler threads. */
class SchedulerExecutorServiceTest {
  private final DaemonScheduler scheduler = new DaemonScheduler();
  private final SchedulerExecutorService executor = new SchedulerExecutorService(scheduler, dropped -> { });

  @AfterEach
  void close() {
    scheduler.close();
  }

  @Test
  void delayedCallableRunsOnTheSchedulersThreads() throws Exception {
    ScheduledFuture<String> future = executor.schedule(() -> Thread.currentThread().getName(), 10,
        TimeUnit.MILLISECONDS);
    assertThat(future.get(10, TimeUnit.SECONDS)).startsWith(DaemonScheduler.THREAD_PREFIX);
  }

  @Test
  void cancelledTaskNeverRuns() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    ScheduledFuture<?> future = executor.schedule(runs::incrementAndGet, 1, TimeUnit.HOURS);
    assertThat(future.getDelay(TimeUnit.MINUTES)).isBetween(58L, 60L);
    assertThat(future.cancel(false)).isTrue();
    assertThat(future.isCancelled()).isTrue();
    assertThat(runs).hasValue(0);
  }

  @Test
  void periodicTaskRepeatsUntilCancelled() throws Exception {
    CountDownLatch three = new CountDownLatch(3);
    ScheduledFuture<?> future = executor.scheduleAtFixedRate(three::countDown, 0, 5, TimeUnit.MILLISECONDS);
    assertThat(three.await(10, TimeUnit.SECONDS)).isTrue();
    future.cancel(false);
    assertThat(future.isDone()).isTrue();
  }

  @Test
  void shutdownRejectsNewWorkButLeavesTheSchedulerRunning() throws Exception {
    executor.shutdown();
    assertThat(executor.isShutdown()).isTrue();
    assertThatThrownBy(() -> executor.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
    CountDownLatch ran = new CountDownLatch(1);
    scheduler.execute(ran::countDown);
    assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
  }
}
