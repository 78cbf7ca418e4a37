package dev.alloydb.jakarta.connector.internal;

import java.time.Duration;

/**
 * Decides when a cache may call the Admin API: the rate limiter (burst, then one per interval) and, after failed
 * refreshes, a back-off ({@link RefreshPolicy#retryDelay}) during which nothing calls it and readers without valid
 * info fail at once. Measured on a monotonic {@link Ticker}. Not thread-safe: the owning cache guards it.
 */
final class RefreshGate {
  private final Ticker ticker;
  private final RefreshPolicy policy;
  private final RateLimiter limiter;
  private int failures;
  private long retryAt;

  RefreshGate(Ticker ticker, RefreshPolicy policy) {
    this.ticker = ticker;
    this.policy = policy;
    this.limiter = new RateLimiter(ticker, policy.interval(), policy.burst());
  }

  /** Takes a token if a refresh may start now. */
  boolean tryStart() {
    return untilBackOffEnds().isZero() && limiter.tryAcquire();
  }

  /** How long until {@link #tryStart} can succeed. */
  Duration untilOpen() {
    Duration backOff = untilBackOffEnds();
    Duration token = limiter.untilNextToken();
    return backOff.compareTo(token) > 0 ? backOff : token;
  }

  /** Returns the token of a refresh that never reached the Admin API (its task was refused). */
  void refund() {
    limiter.refund();
  }

  void succeeded() {
    failures = 0;
  }

  /** Records a failed Admin API refresh and returns the back-off it starts. */
  Duration failed() {
    failures++;
    Duration delay = policy.retryDelay(failures);
    retryAt = ticker.nanos() + delay.toNanos();
    return delay;
  }

  private Duration untilBackOffEnds() {
    if (failures == 0) {
      return Duration.ZERO;
    }
    long left = retryAt - ticker.nanos();
    return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
  }
}
