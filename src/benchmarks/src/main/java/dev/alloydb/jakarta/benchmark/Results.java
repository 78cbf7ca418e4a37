package dev.alloydb.jakarta.benchmark;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one run measured, in the order it was measured. Mutable, confined to the benchmark's main thread; the
 * writers take it as a snapshot at the end (and after each section, so a cut-short run still leaves its figures).
 */
final class Results {

  private final MachineInfo machine;
  private final Settings settings;
  private final Instant started = Instant.now();
  private final Map<String, Figure> figures = new LinkedHashMap<>();
  private final List<Comparison> comparisons = new ArrayList<>();
  private final Map<String, String> skipped = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();

  Results(MachineInfo machine, Settings settings) {
    this.machine = machine;
    this.settings = settings;
  }

  Figure add(String id, String section, String label, double value, String unit) {
    Figure figure = new Figure(id, section, label, value, unit);
    if (figures.putIfAbsent(id, figure) != null) {
      throw new IllegalStateException("figure " + id + " measured twice");
    }
    System.out.printf(java.util.Locale.ROOT, "  %-34s %-62s %12.3f %s%n", id, label, value, unit);
    return figure;
  }

  Optional<Figure> figure(String id) {
    return Optional.ofNullable(figures.get(id));
  }

  /** Adds {@code subject / reference} if both were measured; a missing one shows up as skipped instead. */
  void compare(String claim, String subjectId, String referenceId, Target target) {
    Optional<Figure> subject = figure(subjectId);
    Optional<Figure> reference = figure(referenceId);
    if (subject.isPresent() && reference.isPresent()) {
      comparisons.add(Comparison.ratio(claim, subject.get(), reference.get(), target));
    }
  }

  void compareAbsolute(String claim, String subjectId, Target target) {
    figure(subjectId).ifPresent(s -> comparisons.add(Comparison.absolute(claim, s, target)));
  }

  /** Forgets the comparisons, so that {@code BenchmarkMain.compare()} can rebuild them after each section. */
  void clearComparisons() {
    comparisons.clear();
  }

  void skip(String section, String reason) {
    String oneLine = reason.replaceAll("\\s+", " ");
    skipped.put(section, oneLine.length() > 400 ? oneLine.substring(0, 400) + "..." : oneLine);
    System.out.println("  SKIPPED " + section + ": " + reason);
  }

  void note(String note) {
    notes.add(note);
    System.out.println("  NOTE " + note);
  }

  MachineInfo machine() {
    return machine;
  }

  Settings settings() {
    return settings;
  }

  Instant started() {
    return started;
  }

  List<Figure> figures() {
    return List.copyOf(figures.values());
  }

  List<Comparison> comparisons() {
    return List.copyOf(comparisons);
  }

  Map<String, String> skipped() {
    return Map.copyOf(skipped);
  }

  List<String> notes() {
    return List.copyOf(notes);
  }
}
