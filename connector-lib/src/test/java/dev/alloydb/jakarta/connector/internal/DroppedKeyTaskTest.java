package dev.alloydb.jakarta.connector.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alloydb.jakarta.connector.Connector;
import dev.alloydb.jakarta.connector.ConnectorScheduler;
import dev.alloydb.jakarta.connector.ScheduledTask;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A container may report a Work rejected from another thread before its {@code scheduleWork} has even returned. When
 * that Work is the connector's first task (the key generation), the drop must still fail the key, so that the next
 * refresh generates one again; before, the key stayed pending forever and every connect failed at the refresh
 * watchdog.
 */
class DroppedKeyTaskTest {

  @Test
  void aFirstTaskDroppedWhileItIsSubmittedCostsAtMostOneConnect() throws Exception {
    ScheduledExecutorService threads = Executors.newScheduledThreadPool(4, task -> {
      Thread thread = new Thread(task, "fixture-scheduler");
      thread.setDaemon(true);
      return thread;
    });
    AtomicBoolean first = new AtomicBoolean(true);
    AtomicBoolean dropReported = new AtomicBoolean();
    ConnectorScheduler scheduler = new ConnectorScheduler() {
      @Override
      public void execute(Runnable task) {
        if (first.compareAndSet(true, false) && task instanceof DropAware aware) {
          Thread reporter = new Thread(() -> aware.dropped(new RejectedExecutionException("dropped by the test")),
              "fixture-rejection");
          reporter.start();
          try {
            reporter.join();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          dropReported.set(true);
          return;
        }
        threads.execute(task);
      }

      @Override
      public ScheduledTask schedule(Runnable task, Duration delay) {
        ScheduledFuture<?> future = threads.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
      }
    };
    int failures = 0;
    try (Connector connector = Connector.create(EmulatorSupport.config().scheduler(scheduler)
        .refreshTimeout(Duration.ofSeconds(5)).build())) {
      for (int i = 0; i < 3; i++) {
        try (Connection c = connector.connect(EmulatorSupport.instanceUri(), EmulatorSupport.passwordLogin())) {
          assertThat(c.isValid(5)).isTrue();
        } catch (SQLException e) {
          failures++;
        }
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(dropReported).as("the first task was dropped while it was submitted").isTrue();
    assertThat(failures).as("failed connects of 3").isLessThanOrEqualTo(1);
  }
}
