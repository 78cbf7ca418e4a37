package dev.alloydb.jakarta.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one operation in a loop on N threads until stopped, counting operations and failures; keeps the first
 * failures for the report. Failures can be counted per phase with {@link #failures()} snapshots.
 */
final class Load implements AutoCloseable {
  /** One unit of work, e.g. open a connection, run a query, close it. */
  interface Operation {
    void run() throws Exception;
  }

  private static final int KEPT = 20;

  private final List<Thread> threads = new ArrayList<>();
  private final AtomicBoolean stop = new AtomicBoolean();
  private final AtomicLong operations = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final List<Throwable> firstFailures = new ArrayList<>();
  private final CountDownLatch stopped;

  private Load(int threadCount, Operation operation) {
    stopped = new CountDownLatch(threadCount);
    for (int i = 0; i < threadCount; i++) {
      Thread thread = new Thread(() -> loop(operation), "load-" + i);
      thread.setDaemon(true);
      threads.add(thread);
    }
  }

  static Load start(int threads, Operation operation) {
    Load load = new Load(threads, operation);
    load.threads.forEach(Thread::start);
    return load;
  }

  private void loop(Operation operation) {
    try {
      while (!stop.get()) {
        try {
          operation.run();
          operations.incrementAndGet();
        } catch (Exception e) {
          failures.incrementAndGet();
          synchronized (firstFailures) {
            if (firstFailures.size() < KEPT) {
              firstFailures.add(e);
            }
          }
        }
      }
    } finally {
      stopped.countDown();
    }
  }

  long operations() {
    return operations.get();
  }

  long failures() {
    return failures.get();
  }

  List<Throwable> firstFailures() {
    synchronized (firstFailures) {
      return List.copyOf(firstFailures);
    }
  }

  /** Waits until at least {@code count} more operations have succeeded. */
  void awaitMoreOperations(long count, Duration timeout) throws InterruptedException {
    long target = operations.get() + count;
    long deadline = System.nanoTime() + timeout.toNanos();
    while (operations.get() < target) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("only " + operations.get() + " of " + target + " operations within " + timeout
            + "; failures " + failures.get() + ", first: " + firstFailures());
      }
      Thread.sleep(20);
    }
  }

  /** Stops the threads and waits for them; true if they all ended within {@code timeout}. */
  boolean stop(Duration timeout) throws InterruptedException {
    stop.set(true);
    return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    stop(Duration.ofMinutes(2));
  }
}
