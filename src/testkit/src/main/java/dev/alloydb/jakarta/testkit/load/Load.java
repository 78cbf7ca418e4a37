package dev.alloydb.jakarta.testkit.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one operation in a loop on N threads until stopped, counting operations and failures; keeps the first
 * failures for the report. Failures can be counted per phase with {@link #failures()} snapshots. Plain Java: the
 * resource adapter's soak runs it inside Payara too.
 */
public final class Load implements AutoCloseable {
  /** One unit of work, e.g. open a connection, run a query, close it. */
  public interface Operation {
    void run() throws Exception;
  }

  private static final int KEPT = 20;

  private final List<Thread> threads = new ArrayList<>();
  private final AtomicBoolean stop = new AtomicBoolean();
  private final AtomicLong operations = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final List<Throwable> firstFailures = new ArrayList<>();

  private Load(int threadCount, Operation operation) {
    for (int i = 0; i < threadCount; i++) {
      Thread thread = new Thread(() -> loop(operation), "load-" + i);
      thread.setDaemon(true);
      threads.add(thread);
    }
  }

  /** Starts {@code threads} threads running {@code operation} over and over. */
  public static Load start(int threads, Operation operation) {
    Load load = new Load(threads, operation);
    load.threads.forEach(Thread::start);
    return load;
  }

  private void loop(Operation operation) {
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
  }

  /** Operations that succeeded so far. */
  public long operations() {
    return operations.get();
  }

  /** Operations that failed so far. */
  public long failures() {
    return failures.get();
  }

  /** The first failures, in order. */
  public List<Throwable> firstFailures() {
    synchronized (firstFailures) {
      return List.copyOf(firstFailures);
    }
  }

  /** Waits until at least {@code count} more operations have succeeded. */
  public void awaitMoreOperations(long count, Duration timeout) throws InterruptedException {
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
  public boolean stop(Duration timeout) throws InterruptedException {
    stop.set(true);
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Thread thread : threads) {
      thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
    }
    return threads.stream().noneMatch(Thread::isAlive);
  }

  @Override
  public void close() throws InterruptedException {
    stop(Duration.ofMinutes(2));
  }
}
