package dev.alloydb.jakarta.connector.internal;

/**
 * A monotonic time source in nanoseconds: rate limits and watchdogs measure elapsed time with it, so that a step of
 * the wall clock neither stops nor floods refreshes. Tests pass a manual one.
 */
@FunctionalInterface
interface Ticker {
  Ticker SYSTEM = System::nanoTime;

  long nanos();
}
