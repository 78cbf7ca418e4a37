package dev.alloydb.jakarta.ra.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alloydb.jakarta.connector.ConnectorScheduler;
import dev.alloydb.jakarta.connector.ScheduledTask;
import dev.alloydb.jakarta.testkit.jca.ExecutorWorkManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkManagerSchedulerTest {

  private static final long WAIT = 30;

  private final ExecutorWorkManager workManager = new ExecutorWorkManager();
  /** A turn longer than any test, so that the queue Work ends only when released. */
  private final WorkManagerScheduler scheduler = new WorkManagerScheduler(workManager, true, Duration.ofHours(1));

  @BeforeEach
  void start() {
    scheduler.start();
  }

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
  void afterStartNoTaskSubmittedFromAnyThreadCallsTheWorkManagerOnThatThread() throws Exception {
    CountDownLatch ran = new CountDownLatch(2);
    Thread application = new Thread(() -> {
      scheduler.execute(ran::countDown);
      scheduler.schedule(ran::countDown, Duration.ofMillis(50));
    }, "application-thread");

    application.start();
    application.join();

    assertThat(ran.await(WAIT, TimeUnit.SECONDS)).isTrue();
    List<ExecutorWorkManager.Submission> submissions = workManager.submissions();
    assertThat(submissions).hasSize(3);
    assertThat(submissions.get(0).work()).as("start() submits the queue Work").isInstanceOf(DelayQueueWork.class);
    assertThat(submissions.get(0).thread()).isEqualTo(Thread.currentThread().getName());
    assertThat(submissions.subList(1, 3)).allSatisfy(submission -> {
      assertThat(submission.work()).isInstanceOf(TaskWork.class);
      assertThat(submission.thread()).startsWith(ExecutorWorkManager.THREAD_PREFIX);
    });
  }

  @Test
  void theQueueWorkEndsAfterItsTurnAndItsSuccessorIsSubmittedFromItsThread() throws Exception {
    try (ExecutorWorkManager turns = new ExecutorWorkManager()) {
      WorkManagerScheduler shortTurns = new WorkManagerScheduler(turns, true, Duration.ofMillis(100));
      shortTurns.start();
      CountDownLatch ran = new CountDownLatch(1);
      shortTurns.schedule(ran::countDown, Duration.ofMillis(700));

      assertThat(ran.await(WAIT, TimeUnit.SECONDS)).isTrue();
      List<ExecutorWorkManager.Submission> queueWorks = turns.submissions().stream()
          .filter(submission -> submission.work() instanceof DelayQueueWork).toList();
      assertThat(queueWorks.size()).as("queue Works, one per turn").isGreaterThan(2);
      assertThat(queueWorks.subList(1, queueWorks.size()))
          .allSatisfy(next -> assertThat(next.thread()).startsWith(ExecutorWorkManager.THREAD_PREFIX));
      assertThat(shortTurns.stop(Duration.ofSeconds(WAIT))).isTrue();
      assertThat(shortTurns.worksInFlight()).isZero();
    }
  }

  @Test
  void stopTellsWaitingTasksTheyWillNotRun() {
    List<RejectedExecutionException> dropped = Collections.synchronizedList(new ArrayList<>());
    scheduler.schedule(dropAware(() -> { }, dropped::add), Duration.ofHours(1));

    assertThat(scheduler.stop(Duration.ofSeconds(WAIT))).isTrue();

    assertThat(dropped).singleElement().extracting(Throwable::getMessage).asString().contains("stopped");
  }

  @Test
  void delayedTasksRunInDeadlineOrderInWorksOfTheirOwn() throws InterruptedException {
    List<String> order = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch ran = new CountDownLatch(2);
    // The queue Work is running (start()), so each task is handed over when it falls due rather than both at once.
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
  void aTaskWhoseWorkTheContainerRejectsIsToldAtOnce() throws InterruptedException {
    CountDownLatch told = new CountDownLatch(1);
    List<RejectedExecutionException> dropped = Collections.synchronizedList(new ArrayList<>());
    // Work 1 is the queue Work, which keeps running; Work 2 is the task's own.
    try (RejectingWorkManager rejecting = new RejectingWorkManager(2, RejectingWorkManager.Mode.AT_ONCE)) {
      WorkManagerScheduler refused = new WorkManagerScheduler(rejecting, true, Duration.ofHours(1));
      refused.start();

      refused.execute(dropAware(() -> { }, reason -> {
        dropped.add(reason);
        told.countDown();
      }));

      assertThat(told.await(WAIT, TimeUnit.SECONDS)).isTrue();
      assertThat(dropped).singleElement().extracting(Throwable::getMessage).asString()
          .contains("WorkManager rejected AlloyDB connector work");
      assertThat(refused.stop(Duration.ofSeconds(WAIT))).isTrue();
    }
  }

  private static ConnectorScheduler.DropAware dropAware(Runnable task,
      Consumer<RejectedExecutionException> onDrop) {
    return new ConnectorScheduler.DropAware() {
      @Override
      public void run() {
        task.run();
      }

      @Override
      public void dropped(RejectedExecutionException reason) {
        onDrop.accept(reason);
      }
    };
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
