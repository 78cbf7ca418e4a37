package dev.alloydb.jakarta.connector.internal;

import java.time.Duration;

/**
 * A token bucket: {@code burst} tokens, one more per interval, measured on a monotonic {@link Ticker}. Not
 * thread-safe: the owner guards it.
 */
final class RateLimiter {
  private final Ticker ticker;
  private final long intervalNanos;
  private final int burst;
  private double tokens;
  private long last;

  RateLimiter(Ticker ticker, Duration interval, int burst) {
    this.ticker = ticker;
    this.intervalNanos = interval.toNanos();
    this.burst = burst;
    this.tokens = burst;
    this.last = ticker.nanos();
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

  /** Gives back a token taken for work that never happened. */
  void refund() {
    tokens = Math.min(burst, tokens + 1);
  }

  /** How long until a token is available (zero if one is). */
  Duration untilNextToken() {
    refill();
    return tokens >= 1 ? Duration.ZERO : Duration.ofNanos((long) ((1 - tokens) * intervalNanos) + 1);
  }

  private void refill() {
    long now = ticker.nanos();
    long elapsed = now - last;
    if (elapsed > 0) {
      tokens = Math.min(burst, tokens + (double) elapsed / intervalNanos);
      last = now;
    }
  }
}
