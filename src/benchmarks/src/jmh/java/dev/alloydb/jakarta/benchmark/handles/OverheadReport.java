package dev.alloydb.jakarta.benchmark.handles;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The handle-overhead figures of one run: per case the forks' average times of each side (microseconds per
 * operation, in round order), the per-round ratio handle / raw, and its median. Written as handles.json,
 * handles.csv and handles.md. Immutable.
 */
record OverheadReport(Map<String, Case> cases, String conditions) {

  /**
   * @param raw pgjdbc's objects, one average per round (µs/op)
   * @param handle the adapter's handles, one average per round (µs/op)
   * @param ratios handle / raw per round
   */
  record Case(List<Double> raw, List<Double> handle, List<Double> ratios) {

    double medianRatio() {
      return median(ratios);
    }

    double overheadPercent() {
      return (medianRatio() - 1) * 100;
    }
  }

  static OverheadReport of(Map<String, Map<String, List<Double>>> scores, int rounds, int warmups, int iterations,
      int seconds) throws IOException {
    Map<String, Case> cases = new LinkedHashMap<>();
    scores.forEach((name, sides) -> {
      List<Double> raw = sides.get("raw");
      List<Double> handle = sides.get("handle");
      List<Double> ratios = new ArrayList<>();
      for (int i = 0; i < raw.size(); i++) {
        ratios.add(handle.get(i) / raw.get(i));
      }
      cases.put(name, new Case(List.copyOf(raw), List.copyOf(handle), List.copyOf(ratios)));
    });
    String load = Files.readString(Path.of("/proc/loadavg")).trim();
    String conditions = String.format(Locale.ROOT, "%s; JDK %s; %d cores; %d rounds x (1 fork per side, "
        + "%d warm-up + %d measured iterations of %d s); load average at the end: %s", Instant.now(),
        Runtime.version(), Runtime.getRuntime().availableProcessors(), rounds, warmups, iterations, seconds, load);
    return new OverheadReport(cases, conditions);
  }

  void write(Path dir) throws IOException {
    Files.writeString(dir.resolve("handles.json"),
        new GsonBuilder().setPrettyPrinting().create().toJson(this) + "\n", StandardCharsets.UTF_8);
    StringBuilder csv = new StringBuilder("case,round,raw_us_per_op,handle_us_per_op,ratio\n");
    cases.forEach((name, c) -> {
      for (int i = 0; i < c.ratios().size(); i++) {
        csv.append(String.format(Locale.ROOT, "%s,%d,%.3f,%.3f,%.4f%n", name, i + 1, c.raw().get(i),
            c.handle().get(i), c.ratios().get(i)));
      }
    });
    Files.writeString(dir.resolve("handles.csv"), csv, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("handles.md"), "# Handle overhead\n\n" + conditions + "\n\n" + table(),
        StandardCharsets.UTF_8);
  }

  /** Markdown: median µs/op per side and the median of the per-round ratios, with their range. */
  String table() {
    StringBuilder t = new StringBuilder(
        "| case | pgjdbc µs/op (median) | handle µs/op (median) | handle / pgjdbc (median of rounds) | range |\n"
        + "|---|---:|---:|---:|---|\n");
    cases.forEach((name, c) -> t.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.3f (%+.1f%%) | %.3f-%.3f |%n",
        name, median(c.raw()), median(c.handle()), c.medianRatio(), c.overheadPercent(),
        c.ratios().stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
        c.ratios().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN))));
    return t.toString();
  }

  private static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
