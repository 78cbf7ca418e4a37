package dev.alloydb.jakarta.ra.reliability.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** N threads running one operation in a loop until stopped, counting operations and failures. */
final class Run {
  /** One unit of work. */
  interface Operation {
    void run() throws Exception;
  }

  private final List<Thread> threads = new ArrayList<>();
  private final AtomicBoolean stop = new AtomicBoolean();
  private final AtomicLong operations = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final List<String> firstFailures = new ArrayList<>();

  static Run start(int count, Operation operation) {
    Run run = new Run();
    for (int i = 0; i < count; i++) {
      Thread thread = new Thread(() -> run.loop(operation), "soak-" + i);
      thread.setDaemon(true);
      run.threads.add(thread);
    }
    run.threads.forEach(Thread::start);
    return run;
  }

  private void loop(Operation operation) {
    while (!stop.get()) {
      try {
        operation.run();
        operations.incrementAndGet();
      } catch (Exception e) {
        failures.incrementAndGet();
        synchronized (firstFailures) {
          if (firstFailures.size() < 10) {
            firstFailures.add(e.toString());
          }
        }
      }
    }
  }

  void stop() throws InterruptedException {
    stop.set(true);
    for (Thread thread : threads) {
      thread.join(120_000);
    }
  }

  long operations() {
    return operations.get();
  }

  long failures() {
    return failures.get();
  }

  String firstFailures() {
    synchronized (firstFailures) {
      return String.join(" | ", firstFailures);
    }
  }
}
