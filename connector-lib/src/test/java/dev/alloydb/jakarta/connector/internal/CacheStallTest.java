package dev.alloydb.jakarta.connector.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alloydb.jakarta.connector.ConnectorScheduler;
import dev.alloydb.jakarta.connector.ScheduledTask;
import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A refresh task the scheduler refuses or drops costs one failed refresh, never the cache; futures complete with no
 * lock of the cache held.
 */
class CacheStallTest {
  private static final InstanceUri INSTANCE = InstanceUri.parse("projects/p/locations/r/clusters/c/instances/i");
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private final RefreshPolicyTest.MutableClock clock = new RefreshPolicyTest.MutableClock(T0);
  private final ManualScheduler manual = new ManualScheduler();
  private final AtomicBoolean refuse = new AtomicBoolean();
  private final ConnectorScheduler scheduler = new ConnectorScheduler() {
    @Override
    public void execute(Runnable task) {
      if (refuse.get()) {
        throw new RejectedExecutionException("refused by the test");
      }
      manual.execute(task);
    }

    @Override
    public ScheduledTask schedule(Runnable task, Duration delay) {
      return manual.schedule(task, delay);
    }
  };
  private final List<CompletableFuture<ConnectionInfo>> calls = new ArrayList<>();
  private final Supplier<CompletableFuture<ConnectionInfo>> refresher = () -> {
    CompletableFuture<ConnectionInfo> call = new CompletableFuture<>();
    calls.add(call);
    return call;
  };

  private static ConnectionInfo info(Instant expiry) {
    return new ConnectionInfo(INSTANCE, Map.of(), "uid", expiry, null);
  }

  private RefreshAheadCache cache() {
    return new RefreshAheadCache(INSTANCE, refresher, scheduler, clock, clock::nanos, RefreshPolicy.DEFAULT,
        Duration.ofSeconds(30));
  }

  @Test
  void aRefusedRefreshFailsItsWaitersAndTheNextReadRetries() {
    refuse.set(true);
    RefreshAheadCache cache = cache().start();
    assertThat(cache.connectionInfo()).as("waiters of the refused refresh").isCompletedExceptionally();
    refuse.set(false);
    CompletableFuture<ConnectionInfo> next = cache.connectionInfo();
    manual.runReady();
    assertThat(calls).as("the next read started a refresh").hasSize(1);
    ConnectionInfo fresh = info(T0.plus(Duration.ofHours(1)));
    calls.get(0).complete(fresh);
    assertThat(next).isCompletedWithValue(fresh);
  }

  @Test
  void aRefreshTaskThatNeverRunsIsGivenUpAfterTwiceTheRefreshTimeout() {
    RefreshAheadCache cache = cache().start();
    CompletableFuture<ConnectionInfo> waiting = cache.connectionInfo();
    manual.dropReady();
    clock.advance(Duration.ofSeconds(61));
    CompletableFuture<ConnectionInfo> next = cache.connectionInfo();
    assertThat(waiting).as("waiters of the lost refresh").isCompletedExceptionally();
    manual.runReady();
    assertThat(calls).as("a new refresh after the lost one").hasSize(1);
    ConnectionInfo fresh = info(T0.plus(Duration.ofHours(1)));
    calls.get(0).complete(fresh);
    assertThat(cache.connectionInfo()).isCompletedWithValue(fresh);
    assertThat(next.isDone()).isTrue();
  }

  @Test
  void aWallClockSteppedBackStopsNoRefresh() {
    long[] ticks = {0};
    RefreshAheadCache cache = new RefreshAheadCache(INSTANCE, refresher, scheduler, clock, () -> ticks[0],
        RefreshPolicy.DEFAULT, Duration.ofSeconds(30)).start();
    manual.runReady();
    calls.get(0).completeExceptionally(new IllegalStateException("first refresh failed"));
    clock.advance(Duration.ofHours(-1));
    ticks[0] += Duration.ofSeconds(31).toNanos();
    cache.connectionInfo();
    manual.runReady();
    assertThat(calls).as("a refresh after the back-off, measured on the ticker").hasSize(2);
  }

  @Test
  void waitersAreCompletedWithNoLockOfTheCacheHeld() throws Exception {
    RefreshAheadCache cache = cache().start();
    manual.runReady();
    Field lockField = RefreshAheadCache.class.getDeclaredField("lock");
    lockField.setAccessible(true);
    Object lock = lockField.get(cache);
    AtomicBoolean heldInCallback = new AtomicBoolean(true);
    cache.connectionInfo().thenRun(() -> heldInCallback.set(Thread.holdsLock(lock)));
    calls.get(0).complete(info(T0.plus(Duration.ofHours(1))));
    assertThat(heldInCallback).as("the cache's lock held in the caller's callback").isFalse();
  }
}
