package dev.alloydb.jakarta.benchmark;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Section 3: N threads connect at once through one fresh connector (a cold instance). Every thread is started and
 * parked on a latch first; the latch opens and each thread times its own connect from that moment. The emulator
 * counts the Admin API calls the whole herd caused.
 */
final class ThunderingHerd {

  /**
   * One herd: per-thread latencies in nanoseconds (successful connects only), failures, and the Admin API calls it
   * caused.
   */
  record Outcome(long[] latencies, int failures, AdminCalls adminCalls, String firstFailure) {}

  private final Settings settings;
  private final Supplier<AdminCalls> adminCalls;

  ThunderingHerd(Settings settings, Supplier<AdminCalls> adminCalls) {
    this.settings = settings;
    this.adminCalls = adminCalls;
  }

  Outcome runOnce(ColdClient client) throws Exception {
    int n = settings.herdThreads();
    CountDownLatch ready = new CountDownLatch(n);
    CountDownLatch go = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(n);
    long[] latencies = new long[n];
    AtomicInteger failures = new AtomicInteger();
    ConcurrentLinkedQueue<String> failureMessages = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Connection> open = new ConcurrentLinkedQueue<>();
    long[] goTime = new long[1];
    AdminCalls before = adminCalls.get();
    List<Thread> threads = new ArrayList<>();
    try (ColdClient.Session session = client.start()) {
      for (int i = 0; i < n; i++) {
        int index = i;
        Thread thread = new Thread(() -> {
          try {
            ready.countDown();
            go.await();
            Connection connection = session.open();
            latencies[index] = System.nanoTime() - goTime[0];
            open.add(connection);
          } catch (Exception e) {
            latencies[index] = -1;
            failures.incrementAndGet();
            failureMessages.add(e.toString());
            if (e instanceof InterruptedException) {
              Thread.currentThread().interrupt();
            }
          } finally {
            done.countDown();
          }
        }, "herd-" + client.id() + "-" + i);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
      }
      if (!ready.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("herd threads did not start within 60 s");
      }
      goTime[0] = System.nanoTime();
      go.countDown();
      if (!done.await(180, TimeUnit.SECONDS)) {
        threads.forEach(Thread::interrupt);
        throw new IllegalStateException(client.label() + ": herd not done after 180 s");
      }
      for (Connection connection : open) {
        connection.close();
      }
    }
    AdminCalls calls = adminCalls.get().minus(before);
    long[] ok = java.util.Arrays.stream(latencies).filter(l -> l >= 0).toArray();
    return new Outcome(ok, failures.get(), calls, failureMessages.peek());
  }
}
