package dev.alloydb.jakarta.connector.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket: {@code burst} tokens, one more per interval. Not thread-safe: the owning cache guards it.
 */
final class RateLimiter {
  private final Clock clock;
  private final Duration interval;
  private final int burst;
  private double tokens;
  private Instant last;

  RateLimiter(Clock clock, Duration interval, int burst) {
    this.clock = clock;
    this.interval = interval;
    this.burst = burst;
    this.tokens = burst;
    this.last = clock.instant();
  }

  /** Takes a token, borrowing from the future if none is left, and returns how long to wait before using it. */
  Duration reserve() {
    refill();
    tokens -= 1;
    return tokens >= 0 ? Duration.ZERO : Duration.ofNanos((long) (-tokens * interval.toNanos()) + 1);
  }

  /** Takes a token only if one is available now. */
  boolean tryAcquire() {
    refill();
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }

  private void refill() {
    Instant now = clock.instant();
    if (now.isAfter(last)) {
      double earned = (double) Duration.between(last, now).toNanos() / interval.toNanos();
      tokens = Math.min(burst, tokens + earned);
      last = now;
    }
  }
}
