package dev.alloydb.jakarta.testkit.throughput;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/**
 * Runs a {@link Workload} from N threads against a pooled {@link DataSource} for a fixed time and counts completed
 * operations. Each operation borrows a connection, runs the workload once and returns it, as an application does.
 * Used in-process (HikariCP) and inside the servers (container pools), so both are measured the same way.
 */
public final class ThroughputLoop {

  private ThroughputLoop() {}

  /**
   * @return operations per second over {@code duration}
   * @throws IllegalStateException if any operation failed (the first failure is the cause)
   */
  public static double run(DataSource dataSource, Workload workload, int threads, Duration duration)
      throws InterruptedException {
    AtomicLong operations = new AtomicLong();
    AtomicReference<Exception> failure = new AtomicReference<>();
    CountDownLatch start = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(threads);
    long[] window = new long[2];
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Thread worker = new Thread(() -> {
        try {
          start.await();
          long deadline = window[1];
          long count = 0;
          while (System.nanoTime() < deadline && failure.get() == null) {
            try (Connection connection = dataSource.getConnection()) {
              workload.runOnce(connection);
            }
            count++;
          }
          operations.addAndGet(count);
        } catch (Exception e) {
          failure.compareAndSet(null, e);
          if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
          }
        } finally {
          done.countDown();
        }
      }, "throughput-" + workload + "-" + i);
      worker.setDaemon(true);
      workers.add(worker);
      worker.start();
    }
    window[0] = System.nanoTime();
    window[1] = window[0] + duration.toNanos();
    start.countDown();
    if (!done.await(duration.toMillis() + 60_000, java.util.concurrent.TimeUnit.MILLISECONDS)) {
      workers.forEach(Thread::interrupt);
      throw new IllegalStateException(workload + ": workers still running 60 s after the end of the window");
    }
    if (failure.get() != null) {
      throw new IllegalStateException(workload + " failed: " + failure.get(), failure.get());
    }
    long elapsed = System.nanoTime() - window[0];
    return operations.get() * 1e9 / elapsed;
  }
}
