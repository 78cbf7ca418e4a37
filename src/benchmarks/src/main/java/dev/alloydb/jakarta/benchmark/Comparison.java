package dev.alloydb.jakarta.benchmark;

/**
 * A figure of this connector set against a reference measured in the same run, and the target for it.
 *
 * @param claim what is compared, for people
 * @param subject our figure
 * @param reference the reference figure ({@code null} when the target is absolute, such as a call count)
 * @param value {@code subject / reference}, or the subject's value when there is no reference
 * @param target the bound {@code value} must meet
 */
record Comparison(String claim, Figure subject, Figure reference, double value, Target target) {

  static Comparison ratio(String claim, Figure subject, Figure reference, Target target) {
    return new Comparison(claim, subject, reference, subject.value() / reference.value(), target);
  }

  static Comparison absolute(String claim, Figure subject, Target target) {
    return new Comparison(claim, subject, null, subject.value(), target);
  }

  boolean met() {
    return target.metBy(value);
  }

  boolean hasTarget() {
    return target.kind() != Target.Kind.NONE;
  }

  boolean isRatio() {
    return reference != null;
  }
}
