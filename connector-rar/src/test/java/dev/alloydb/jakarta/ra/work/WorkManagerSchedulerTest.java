package dev.alloydb.jakarta.ra.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alloydb.jakarta.connector.ScheduledTask;
import dev.alloydb.jakarta.ra.ExecutorWorkManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkManagerSchedulerTest {

  private static final long WAIT = 30;

  private final ExecutorWorkManager workManager = new ExecutorWorkManager();
  private final WorkManagerScheduler scheduler = new WorkManagerScheduler(workManager, true);

  @AfterEach
  void stop() {
    scheduler.stop(Duration.ofSeconds(WAIT));
    workManager.close();
  }

  @Test
  void executeRunsTheTaskOnAWorkManagerThread() throws InterruptedException {
    AtomicReference<String> thread = new AtomicReference<>();
    CountDownLatch ran = new CountDownLatch(1);

    scheduler.execute(() -> {
      thread.set(Thread.currentThread().getName());
      ran.countDown();
    });

    assertThat(ran.await(WAIT, TimeUnit.SECONDS)).isTrue();
    assertThat(thread.get()).startsWith(ExecutorWorkManager.THREAD_PREFIX);
    assertThat(scheduler.threadNames()).contains(thread.get());
    assertThat(scheduler.tasksRun()).isEqualTo(1);
  }

  @Test
  void delayedTasksRunInDeadlineOrderInWorksOfTheirOwn() throws InterruptedException {
    List<String> order = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch ran = new CountDownLatch(2);
    // Start the queue Work first, so each task is handed over when it falls due rather than both at once.
    scheduler.schedule(() -> { }, Duration.ofHours(1));
    awaitQueueThreads(1);

    scheduler.schedule(() -> {
      order.add("later:" + isQueueThread());
      ran.countDown();
    }, Duration.ofMillis(1500));
    scheduler.schedule(() -> {
      order.add("sooner:" + isQueueThread());
      ran.countDown();
    }, Duration.ofMillis(100));

    assertThat(ran.await(WAIT, TimeUnit.SECONDS)).isTrue();
    assertThat(order).containsExactly("sooner:false", "later:false");
  }

  @Test
  void cancelledTaskNeverRuns() throws InterruptedException {
    CountDownLatch marker = new CountDownLatch(1);
    List<String> ran = Collections.synchronizedList(new ArrayList<>());

    // Cancelled long before it is due, and due before the marker: had it stayed queued, it would run first.
    ScheduledTask cancelled = scheduler.schedule(() -> ran.add("cancelled"), Duration.ofSeconds(1));
    cancelled.cancel();
    scheduler.schedule(() -> {
      ran.add("marker");
      marker.countDown();
    }, Duration.ofSeconds(1));

    assertThat(marker.await(WAIT, TimeUnit.SECONDS)).isTrue();
    assertThat(ran).containsExactly("marker");
    assertThat(scheduler.pendingDelayedTasks()).isZero();
  }

  @Test
  void stopReleasesTheQueueWorkDropsPendingTasksAndRejectsNewOnes() throws InterruptedException {
    scheduler.schedule(() -> { }, Duration.ofHours(1));
    awaitQueueThreads(1);
    assertThat(scheduler.pendingDelayedTasks()).isEqualTo(1);

    assertThat(scheduler.stop(Duration.ofSeconds(WAIT))).isTrue();

    assertThat(scheduler.worksInFlight()).isZero();
    assertThat(scheduler.pendingDelayedTasks()).isZero();
    assertThat(queueThreads()).isZero();
    assertThatThrownBy(() -> scheduler.execute(() -> { }))
        .isInstanceOf(RejectedExecutionException.class).hasMessageContaining("stopped");
    assertThatThrownBy(() -> scheduler.schedule(() -> { }, Duration.ZERO))
        .isInstanceOf(RejectedExecutionException.class).hasMessageContaining("stopped");
  }

  @Test
  void queueWorkReleasedByTheContainerIsReplacedSoWaitingTasksStillRun() throws InterruptedException {
    CountDownLatch ran = new CountDownLatch(1);
    scheduler.schedule(ran::countDown, Duration.ofMillis(300));
    awaitQueueThreads(1);
    DelayQueueWork first = (DelayQueueWork) workManager.scheduledWorks().stream()
        .filter(DelayQueueWork.class::isInstance).findFirst().orElseThrow();

    first.release();

    assertThat(ran.await(WAIT, TimeUnit.SECONDS)).isTrue();
    assertThat(workManager.scheduledWorks().stream().filter(DelayQueueWork.class::isInstance).count())
        .isEqualTo(2);
  }

  @Test
  void stopWaitsForRunningTasks() throws InterruptedException {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    scheduler.execute(() -> {
      started.countDown();
      try {
        finish.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    assertThat(started.await(WAIT, TimeUnit.SECONDS)).isTrue();

    assertThat(scheduler.stop(Duration.ofMillis(200))).as("a task is still running").isFalse();
    finish.countDown();
    assertThat(scheduler.stop(Duration.ofSeconds(WAIT))).isTrue();
    assertThat(scheduler.worksInFlight()).isZero();
  }

  @Test
  void rejectedWorkSurfacesAsRejectedExecution() {
    workManager.close();
    assertThatThrownBy(() -> scheduler.execute(() -> { }))
        .isInstanceOf(RejectedExecutionException.class).hasMessageContaining("WorkManager");
    assertThat(scheduler.worksInFlight()).isZero();
  }

  private static boolean isQueueThread() {
    return Arrays.stream(Thread.currentThread().getStackTrace())
        .anyMatch(frame -> frame.getClassName().equals(DelayQueueWork.class.getName()));
  }

  private static long queueThreads() {
    return Thread.getAllStackTraces().values().stream()
        .filter(stack -> Arrays.stream(stack)
            .anyMatch(frame -> frame.getClassName().equals(DelayQueueWork.class.getName())))
        .count();
  }

  private static void awaitQueueThreads(long expected) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT);
    while (queueThreads() != expected) {
      assertThat(System.nanoTime()).as("queue Work did not start").isLessThan(deadline);
      Thread.sleep(20);
    }
  }
}
