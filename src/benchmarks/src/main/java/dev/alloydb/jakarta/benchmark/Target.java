package dev.alloydb.jakarta.benchmark;

import java.util.Locale;

/** A bound that a ratio must meet, as stated in the issue ("at most 0.4x", "at least 1.0x", "exactly 2"). */
record Target(Kind kind, double bound) {

  enum Kind {
    AT_MOST("<="), AT_LEAST(">="), EXACTLY("=="), NONE("");

    private final String symbol;

    Kind(String symbol) {
      this.symbol = symbol;
    }
  }

  static Target atMost(double bound) {
    return new Target(Kind.AT_MOST, bound);
  }

  static Target atLeast(double bound) {
    return new Target(Kind.AT_LEAST, bound);
  }

  /** No target: the comparison is there for context (e.g. against the direct-TLS floor). */
  static Target none() {
    return new Target(Kind.NONE, Double.NaN);
  }

  static Target exactly(double bound) {
    return new Target(Kind.EXACTLY, bound);
  }

  boolean metBy(double value) {
    return switch (kind) {
      case AT_MOST -> value <= bound;
      case AT_LEAST -> value >= bound;
      case EXACTLY -> value == bound;
      case NONE -> true;
    };
  }

  @Override
  public String toString() {
    if (kind == Kind.NONE) {
      return "–";
    }
    return kind.symbol + " " + String.format(Locale.ROOT, "%.2f", bound);
  }
}
