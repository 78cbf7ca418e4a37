package dev.alloydb.jakarta.connector.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RefreshPolicyTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private final RefreshPolicy policy = RefreshPolicy.DEFAULT;

  @Test
  void halfTheRemainingLifeWhenAnHourOrMoreRemains() {
    assertThat(policy.delayUntilRefresh(NOW, NOW.plus(Duration.ofHours(24)))).isEqualTo(Duration.ofHours(12));
    assertThat(policy.delayUntilRefresh(NOW, NOW.plus(Duration.ofHours(1)))).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void fourMinutesBeforeExpiryWhenLessThanAnHourRemains() {
    assertThat(policy.delayUntilRefresh(NOW, NOW.plus(Duration.ofMinutes(59))))
        .isEqualTo(Duration.ofMinutes(55));
    assertThat(policy.delayUntilRefresh(NOW, NOW.plus(Duration.ofMinutes(4)))).isEqualTo(Duration.ZERO);
  }

  @Test
  void immediatelyWhenAlmostOrAlreadyExpired() {
    assertThat(policy.delayUntilRefresh(NOW, NOW.plus(Duration.ofMinutes(3)))).isEqualTo(Duration.ZERO);
    assertThat(policy.delayUntilRefresh(NOW, NOW.minus(Duration.ofMinutes(3)))).isEqualTo(Duration.ZERO);
  }

  @Test
  void lazyRefreshIsDueWithinTheBuffer() {
    assertThat(policy.isDue(NOW, NOW.plus(Duration.ofMinutes(5)))).isFalse();
    assertThat(policy.isDue(NOW, NOW.plus(Duration.ofMinutes(4)))).isTrue();
    assertThat(policy.isDue(NOW, NOW.minusSeconds(1))).isTrue();
  }

  @Test
  void rateLimiterAllowsBurstThenOnePerInterval() {
    MutableClock clock = new MutableClock(NOW);
    RateLimiter limiter = new RateLimiter(clock::nanos, Duration.ofSeconds(30), 2);
    assertThat(limiter.tryAcquire()).isTrue();
    assertThat(limiter.tryAcquire()).isTrue();
    assertThat(limiter.tryAcquire()).isFalse();
    assertThat(limiter.untilNextToken()).isBetween(Duration.ofSeconds(29), Duration.ofSeconds(31));
    clock.advance(Duration.ofSeconds(30));
    assertThat(limiter.tryAcquire()).isTrue();
    assertThat(limiter.tryAcquire()).isFalse();
    clock.advance(Duration.ofMinutes(10));
    assertThat(limiter.tryAcquire()).isTrue();
    assertThat(limiter.tryAcquire()).isTrue();
    assertThat(limiter.tryAcquire()).isFalse();
  }

  @Test
  void backOffGrowsFromOneIntervalToTwo() {
    assertThat(policy.retryDelay(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(policy.retryDelay(2)).isEqualTo(Duration.ofMinutes(1));
    assertThat(policy.retryDelay(9)).isEqualTo(Duration.ofMinutes(1));
  }

  /** A clock tests move by hand. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    /** This clock as a monotonic ticker (tests that step the wall clock back use a ticker of their own). */
    long nanos() {
      return Duration.between(Instant.EPOCH, now).toNanos();
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
