package dev.alloydb.jakarta.benchmark;

import java.util.Arrays;
import java.util.List;

/** Immutable summary of a set of latency samples, in milliseconds. */
record Distribution(int count, double medianMs, double p99Ms, double minMs, double maxMs) {

  /** Summarises samples given in nanoseconds (nearest-rank percentiles). */
  static Distribution ofNanos(long[] nanos) {
    if (nanos.length == 0) {
      throw new IllegalArgumentException("no samples: at least one latency sample is needed");
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return new Distribution(sorted.length, ms(percentile(sorted, 50)), ms(percentile(sorted, 99)),
        ms(sorted[0]), ms(sorted[sorted.length - 1]));
  }

  /**
   * Summarises repeated trials: the median is the median of the trials' medians (one disturbed trial does not move
   * it); the p99, min and max are taken over all samples together, since one trial alone has too few samples for a
   * 99th percentile.
   */
  static Distribution ofTrials(List<long[]> trials) {
    if (trials.isEmpty()) {
      throw new IllegalArgumentException("no trials: at least one trial is needed");
    }
    Distribution all = ofNanos(trials.stream().flatMapToLong(java.util.Arrays::stream).toArray());
    double medianOfMedians = median(trials.stream().mapToDouble(t -> ofNanos(t).medianMs()).toArray());
    return new Distribution(all.count(), medianOfMedians, all.p99Ms(), all.minMs(), all.maxMs());
  }

  static double median(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no values: at least one value is needed");
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  private static long percentile(long[] sorted, int pct) {
    int rank = (int) Math.ceil(pct / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  private static double ms(long nanos) {
    return nanos / 1_000_000.0;
  }
}
