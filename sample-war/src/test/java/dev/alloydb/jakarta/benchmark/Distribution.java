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

  /** The median, over repeated trials, of each trial's median and p99: one bad trial does not move the result. */
  static Distribution medianOfTrials(List<Distribution> trials) {
    if (trials.isEmpty()) {
      throw new IllegalArgumentException("no trials: at least one trial is needed");
    }
    return new Distribution(
        trials.stream().mapToInt(Distribution::count).sum(),
        median(trials.stream().mapToDouble(Distribution::medianMs).toArray()),
        median(trials.stream().mapToDouble(Distribution::p99Ms).toArray()),
        trials.stream().mapToDouble(Distribution::minMs).min().orElseThrow(),
        trials.stream().mapToDouble(Distribution::maxMs).max().orElseThrow());
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
