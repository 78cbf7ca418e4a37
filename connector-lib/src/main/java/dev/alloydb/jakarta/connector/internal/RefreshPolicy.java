package dev.alloydb.jakarta.connector.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * When a refresh-ahead cache refreshes (alloydb-protocol.md §6.1-6.2): at half the remaining certificate life, or
 * {@code buffer} before expiry when less than an hour remains; at most {@code burst} refreshes at once, then one per
 * {@code interval}; after a failed refresh the next waits one interval, after further failures two. With the Admin
 * API client's two attempts per call that keeps an outage at 2 calls per RPC and minute. A refusal that retrying
 * cannot cure by itself (a wrong instance URI, missing permissions) is retried in the background only every
 * {@link #TERMINAL_RETRY_INTERVALS} intervals: often enough that an instance recovers without traffic once the
 * permissions are fixed, rarely enough not to matter. Tests shorten the values; production uses {@link #DEFAULT}.
 */
final class RefreshPolicy {
  static final RefreshPolicy DEFAULT = new RefreshPolicy(Duration.ofMinutes(4), Duration.ofSeconds(30), 2);
  private static final Duration HOUR = Duration.ofHours(1);
  private static final int TERMINAL_RETRY_INTERVALS = 10;

  private final Duration buffer;
  private final Duration interval;
  private final int burst;

  RefreshPolicy(Duration buffer, Duration interval, int burst) {
    this.buffer = buffer;
    this.interval = interval;
    this.burst = burst;
  }

  /** The delay from now until the refresh of a certificate that expires at {@code expiry}. */
  Duration delayUntilRefresh(Instant now, Instant expiry) {
    Duration remaining = Duration.between(now, expiry);
    if (remaining.compareTo(buffer) < 0) {
      return Duration.ZERO;
    }
    if (remaining.compareTo(HOUR) < 0) {
      return remaining.minus(buffer);
    }
    return remaining.dividedBy(2);
  }

  /** The back-off after {@code failures} consecutive failed refreshes (at least 1). */
  Duration retryDelay(int failures) {
    return failures <= 1 ? interval : interval.multipliedBy(2);
  }

  /** The delay before a background retry after a terminal failure (5 minutes in production). */
  Duration terminalRetryDelay() {
    return interval.multipliedBy(TERMINAL_RETRY_INTERVALS);
  }

  /** Whether a lazy cache must refresh a certificate expiring at {@code expiry}. */
  boolean isDue(Instant now, Instant expiry) {
    return !now.isBefore(expiry.minus(buffer));
  }

  Duration interval() {
    return interval;
  }

  int burst() {
    return burst;
  }
}
