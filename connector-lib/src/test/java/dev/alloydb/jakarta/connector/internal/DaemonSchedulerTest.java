package dev.alloydb.jakarta.connector.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DaemonSchedulerTest {

  /** A caller (or a container's leak check) that looks for the connector's threads right after close() finds none. */
  @Test
  void closeReturnsOnlyOnceEveryThreadHasEnded() throws Exception {
    for (int round = 0; round < 20; round++) {
      DaemonScheduler scheduler = new DaemonScheduler();
      Set<Thread> used = ConcurrentHashMap.newKeySet();
      CountDownLatch running = new CountDownLatch(4);
      CountDownLatch release = new CountDownLatch(1);
      for (int i = 0; i < 4; i++) {
        scheduler.execute(() -> {
          used.add(Thread.currentThread());
          running.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
      }
      scheduler.schedule(() -> { }, Duration.ofHours(1));
      assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
      release.countDown();

      scheduler.close();

      List<Thread> alive = used.stream().filter(Thread::isAlive).toList();
      assertThat(alive).as("scheduler threads alive right after close, round %d", round).isEmpty();
    }
  }
}
