package dev.alloydb.jakarta.connector.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alloydb.jakarta.connector.AdminApiException;
import dev.alloydb.jakarta.connector.ConnectorClosedException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The numbered rules of {@link RefreshAheadCache} and {@link LazyCache}, with a manual scheduler and clock. */
class CachesTest {
  private static final InstanceUri INSTANCE = InstanceUri.parse("projects/p/locations/r/clusters/c/instances/i");
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private final RefreshPolicyTest.MutableClock clock = new RefreshPolicyTest.MutableClock(T0);
  private final ManualScheduler scheduler = new ManualScheduler();
  private final List<CompletableFuture<ConnectionInfo>> calls = new ArrayList<>();
  private final Supplier<CompletableFuture<ConnectionInfo>> refresher = () -> {
    CompletableFuture<ConnectionInfo> call = new CompletableFuture<>();
    calls.add(call);
    return call;
  };

  private static ConnectionInfo info(Instant expiry) {
    return new ConnectionInfo(INSTANCE, Map.of(), "uid", expiry, null);
  }

  private static AdminApiException error(boolean terminal) {
    return new AdminApiException("boom", terminal ? "NOT_FOUND" : "UNAVAILABLE", terminal, null);
  }

  private RefreshAheadCache refreshAhead() {
    RefreshAheadCache cache = new RefreshAheadCache(INSTANCE, refresher, scheduler, clock, clock::nanos,
        RefreshPolicy.DEFAULT, Duration.ofSeconds(30))
        .start();
    scheduler.runReady();
    return cache;
  }

  @Test
  void concurrentColdReadersShareOneRefresh() {
    RefreshAheadCache cache = refreshAhead();
    List<CompletableFuture<ConnectionInfo>> readers = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      readers.add(cache.connectionInfo());
    }
    assertThat(calls).hasSize(1);
    ConnectionInfo fresh = info(T0.plus(Duration.ofHours(1)));
    calls.get(0).complete(fresh);
    assertThat(readers).allSatisfy(r -> assertThat(r).isCompletedWithValue(fresh));
  }

  @Test
  void schedulesTheNextRefreshAheadOfExpiry() {
    refreshAhead();
    calls.get(0).complete(info(T0.plus(Duration.ofHours(1))));
    assertThat(scheduler.pendingDelayed()).singleElement()
        .satisfies(d -> assertThat(d.delay()).isEqualTo(Duration.ofMinutes(30)));
    clock.advance(Duration.ofMinutes(30));
    scheduler.runLastDelayed();
    assertThat(calls).hasSize(2);
  }

  @Test
  void failedRefreshKeepsAValidCertificate() {
    RefreshAheadCache cache = refreshAhead();
    ConnectionInfo good = info(T0.plus(Duration.ofHours(1)));
    calls.get(0).complete(good);
    clock.advance(Duration.ofMinutes(30));
    scheduler.runLastDelayed();
    calls.get(1).completeExceptionally(error(false));
    assertThat(cache.connectionInfo()).isCompletedWithValue(good);
    // rule 3: a non-terminal failure is retried in the background once the back-off (one interval) has passed
    assertThat(scheduler.pendingDelayed()).singleElement()
        .satisfies(d -> assertThat(d.delay()).isEqualTo(Duration.ofSeconds(30)));
    clock.advance(Duration.ofSeconds(30));
    scheduler.runLastDelayed();
    assertThat(calls).hasSize(3);
  }

  @Test
  void failureWithNothingValidReachesReaders() {
    RefreshAheadCache cache = refreshAhead();
    CompletableFuture<ConnectionInfo> reader = cache.connectionInfo();
    calls.get(0).completeExceptionally(error(false));
    assertThat(reader).isCompletedExceptionally();
    assertThat(cache.connectionInfo()).isCompletedExceptionally();
  }

  @Test
  void terminalErrorsAreRetriedInTheBackgroundOnlyEveryTenIntervals() {
    RefreshAheadCache cache = refreshAhead();
    calls.get(0).completeExceptionally(error(true));
    scheduler.runReady();
    assertThat(calls).hasSize(1);
    assertThat(scheduler.pendingDelayed()).singleElement()
        .satisfies(d -> assertThat(d.delay()).isEqualTo(Duration.ofMinutes(5)));
    // during the back-off reads fail at once, with no call
    assertThat(cache.connectionInfo()).isCompletedExceptionally();
    scheduler.runReady();
    assertThat(calls).hasSize(1);
    // after it a read retries once
    clock.advance(Duration.ofSeconds(30));
    CompletableFuture<ConnectionInfo> retry = cache.connectionInfo();
    scheduler.runReady();
    assertThat(calls).hasSize(2);
    calls.get(1).completeExceptionally(error(true));
    assertThat(retry).isCompletedExceptionally();
    assertThat(cache.connectionInfo()).isCompletedExceptionally();
    scheduler.runReady();
    assertThat(calls).hasSize(2);
    // with no read at all, the background retry comes five minutes later: permissions fixed meanwhile, it recovers
    assertThat(scheduler.pendingDelayed()).singleElement()
        .satisfies(d -> assertThat(d.delay()).isEqualTo(Duration.ofMinutes(5)));
    clock.advance(Duration.ofMinutes(5));
    scheduler.runLastDelayed();
    assertThat(calls).hasSize(3);
    ConnectionInfo fresh = info(clock.instant().plus(Duration.ofHours(1)));
    calls.get(2).complete(fresh);
    assertThat(cache.connectionInfo()).isCompletedWithValue(fresh);
  }

  @Test
  void backOffSpacesRetriesOfAFailingApi() {
    refreshAhead();
    calls.get(0).completeExceptionally(error(false));
    assertThat(scheduler.pendingDelayed()).singleElement()
        .satisfies(d -> assertThat(d.delay()).isEqualTo(Duration.ofSeconds(30)));
    clock.advance(Duration.ofSeconds(30));
    scheduler.runLastDelayed();
    assertThat(calls).hasSize(2);
    calls.get(1).completeExceptionally(error(false));
    assertThat(scheduler.pendingDelayed()).singleElement()
        .satisfies(d -> assertThat(d.delay()).isEqualTo(Duration.ofMinutes(1)));
  }

  @Test
  void aFailedDialRefreshesWhileReadersKeepTheCurrentInfo() {
    RefreshAheadCache cache = refreshAhead();
    ConnectionInfo current = info(T0.plus(Duration.ofHours(1)));
    calls.get(0).complete(current);
    CompletableFuture<ConnectionInfo> first = cache.refreshAfterFailure(current);
    CompletableFuture<ConnectionInfo> second = cache.refreshAfterFailure(current);
    scheduler.runReady();
    assertThat(calls).as("one refresh for both failures").hasSize(2);
    assertThat(second).isSameAs(first);
    assertThat(cache.connectionInfo()).as("readers do not wait").isCompletedWithValue(current);
    ConnectionInfo fresh = info(T0.plus(Duration.ofHours(2)));
    calls.get(1).complete(fresh);
    assertThat(first).isCompletedWithValue(fresh);
    assertThat(cache.connectionInfo()).isCompletedWithValue(fresh);
    // the burst of 2 is spent: a third failure gets no refresh until the limiter refills
    assertThat(cache.refreshAfterFailure(fresh)).isNull();
  }

  @Test
  void closeFailsWaitersAndIgnoresLateResults() {
    RefreshAheadCache cache = refreshAhead();
    CompletableFuture<ConnectionInfo> reader = cache.connectionInfo();
    cache.close();
    assertThat(reader).isCompletedExceptionally();
    assertThat(reader.handle((v, e) -> e)).isCompletedWithValueMatching(ConnectorClosedException.class::isInstance);
    calls.get(0).complete(info(T0.plus(Duration.ofHours(1))));
    assertThat(scheduler.pendingDelayed()).isEmpty();
  }

  @Test
  void lazyCacheMakesNoCallWhileIdleAndRefreshesWhenDue() {
    LazyCache cache = new LazyCache(INSTANCE, refresher, clock, clock::nanos, RefreshPolicy.DEFAULT);
    assertThat(calls).isEmpty();
    CompletableFuture<ConnectionInfo> a = cache.connectionInfo();
    CompletableFuture<ConnectionInfo> b = cache.connectionInfo();
    assertThat(calls).hasSize(1);
    ConnectionInfo first = info(T0.plus(Duration.ofHours(1)));
    calls.get(0).complete(first);
    assertThat(a).isCompletedWithValue(first);
    assertThat(b).isCompletedWithValue(first);
    clock.advance(Duration.ofMinutes(50));
    assertThat(cache.connectionInfo()).isCompletedWithValue(first);
    assertThat(calls).hasSize(1);
    clock.advance(Duration.ofMinutes(7));
    CompletableFuture<ConnectionInfo> due = cache.connectionInfo();
    assertThat(calls).hasSize(2);
    calls.get(1).completeExceptionally(error(false));
    assertThat(due).as("falls back to the still-valid certificate").isCompletedWithValue(first);
    assertThat(scheduler.pendingDelayed()).isEmpty();
  }

  @Test
  void lazyCacheRefreshesAfterAFailedDialAndFallsBackToTheValidCertificate() {
    LazyCache cache = new LazyCache(INSTANCE, refresher, clock, clock::nanos, RefreshPolicy.DEFAULT);
    cache.connectionInfo();
    ConnectionInfo current = info(T0.plus(Duration.ofHours(1)));
    calls.get(0).complete(current);
    CompletableFuture<ConnectionInfo> refresh = cache.refreshAfterFailure(current);
    assertThat(calls).hasSize(2);
    assertThat(cache.connectionInfo()).as("readers do not wait").isCompletedWithValue(current);
    calls.get(1).completeExceptionally(error(false));
    assertThat(refresh).as("the still-valid certificate").isCompletedWithValue(current);
    cache.close();
    assertThat(cache.connectionInfo()).isCompletedExceptionally();
  }
}
