package dev.alloydb.jakarta.connector.internal;

import dev.alloydb.jakarta.connector.ConnectorScheduler;
import dev.alloydb.jakarta.connector.ScheduledTask;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A scheduler that runs nothing until the test says so: deterministic cache tests. */
final class ManualScheduler implements ConnectorScheduler {
  private final Deque<Runnable> ready = new ArrayDeque<>();
  private final List<Delayed> delayed = new ArrayList<>();

  record Delayed(Runnable task, Duration delay, boolean[] cancelled) {
  }

  @Override
  public synchronized void execute(Runnable task) {
    ready.add(task);
  }

  @Override
  public synchronized ScheduledTask schedule(Runnable task, Duration delay) {
    Delayed d = new Delayed(task, delay, new boolean[1]);
    delayed.add(d);
    return () -> d.cancelled()[0] = true;
  }

  /** Runs every ready task (and any they make ready). */
  void runReady() {
    while (true) {
      Runnable next;
      synchronized (this) {
        next = ready.poll();
      }
      if (next == null) {
        return;
      }
      next.run();
    }
  }

  /** Runs the oldest ready task, if any; whether there was one. */
  boolean runNext() {
    Runnable next;
    synchronized (this) {
      next = ready.poll();
    }
    if (next == null) {
      return false;
    }
    next.run();
    return true;
  }

  /** Forgets every ready task without running it: a scheduler that accepted work and lost it. */
  synchronized void dropReady() {
    ready.clear();
  }

  synchronized List<Delayed> pendingDelayed() {
    return delayed.stream().filter(d -> !d.cancelled()[0]).toList();
  }

  /** Runs the delayed task scheduled last (if not cancelled). */
  void runLastDelayed() {
    Delayed d;
    synchronized (this) {
      d = delayed.remove(delayed.size() - 1);
    }
    if (!d.cancelled()[0]) {
      d.task().run();
    }
    runReady();
  }
}
