package dev.alloydb.jakarta.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/** Writes a run's {@link Results} as JSON, CSV and a Markdown table (src/docs/benchmarks.md's table is copied from it). */
final class ResultsWriter {

  private final Path dir;

  ResultsWriter(Path dir) {
    this.dir = dir;
  }

  void write(Results results) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("results.json"), json(results), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("results.csv"), csv(results), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("results.md"), markdown(results), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("results.svg"), new SvgChart().render(results), StandardCharsets.UTF_8);
  }

  static String json(Results r) {
    StringBuilder out = new StringBuilder("{\n");
    MachineInfo m = r.machine();
    out.append("  \"started\": ").append(str(r.started().toString())).append(",\n");
    out.append("  \"finished\": ").append(str(Instant.now().toString())).append(",\n");
    out.append("  \"machine\": {\"cores\": ").append(m.cores())
        .append(", \"cpu\": ").append(str(m.cpu()))
        .append(", \"memoryMb\": ").append(m.memoryMb())
        .append(", \"jdk\": ").append(str(m.jdk()))
        .append(", \"os\": ").append(str(m.os()))
        .append(", \"loadAverageAtStart\": ").append(num(m.loadAverageAtStart())).append("},\n");
    out.append("  \"settings\": ").append(str(r.settings().toString())).append(",\n");
    out.append("  \"figures\": [\n");
    var figures = r.figures();
    for (int i = 0; i < figures.size(); i++) {
      Figure f = figures.get(i);
      out.append("    {\"id\": ").append(str(f.id())).append(", \"section\": ").append(str(f.section()))
          .append(", \"label\": ").append(str(f.label())).append(", \"value\": ").append(num(f.value()))
          .append(", \"unit\": ").append(str(f.unit())).append('}').append(i + 1 < figures.size() ? ",\n" : "\n");
    }
    out.append("  ],\n  \"comparisons\": [\n");
    var comparisons = r.comparisons();
    for (int i = 0; i < comparisons.size(); i++) {
      Comparison c = comparisons.get(i);
      out.append("    {\"claim\": ").append(str(c.claim())).append(", \"subject\": ").append(str(c.subject().id()))
          .append(", \"reference\": ").append(c.isRatio() ? str(c.reference().id()) : "null")
          .append(", \"value\": ").append(num(c.value())).append(", \"target\": ").append(str(c.target().toString()))
          .append(", \"met\": ").append(c.hasTarget() ? String.valueOf(c.met()) : "null").append('}').append(i + 1 < comparisons.size() ? ",\n" : "\n");
    }
    out.append("  ],\n  \"skipped\": {");
    int i = 0;
    for (Map.Entry<String, String> e : r.skipped().entrySet()) {
      out.append(i++ > 0 ? ", " : "").append(str(e.getKey())).append(": ").append(str(e.getValue()));
    }
    out.append("},\n  \"notes\": [");
    var notes = r.notes();
    for (int n = 0; n < notes.size(); n++) {
      out.append(n > 0 ? ", " : "").append(str(notes.get(n)));
    }
    return out.append("]\n}\n").toString();
  }

  static String csv(Results r) {
    StringBuilder out = new StringBuilder("section,id,label,value,unit\n");
    for (Figure f : r.figures()) {
      out.append(f.section()).append(',').append(f.id()).append(",\"").append(f.label().replace("\"", "\"\""))
          .append("\",").append(num(f.value())).append(',').append(f.unit()).append('\n');
    }
    return out.toString();
  }

  static String markdown(Results r) {
    StringBuilder out = new StringBuilder();
    out.append("Machine: ").append(r.machine().oneLine()).append(". Run started ").append(r.started()).append(".\n\n");
    out.append("| comparison | ours | reference | ratio | target | met |\n|---|---:|---:|---:|---|---|\n");
    for (Comparison c : r.comparisons()) {
      out.append("| ").append(c.claim()).append(" | ").append(withUnit(c.subject())).append(" | ")
          .append(c.isRatio() ? withUnit(c.reference()) : "–").append(" | ")
          .append(c.isRatio() ? String.format(Locale.ROOT, "%.3fx", c.value()) : fmt(c.value())).append(" | ")
          .append(c.target()).append(" | ").append(!c.hasTarget() ? "–" : c.met() ? "yes" : "**no**").append(" |\n");
    }
    out.append(footprint(r));
    out.append("\n| figure | value |\n|---|---:|\n");
    for (Figure f : r.figures()) {
      out.append("| ").append(f.label()).append(" | ").append(withUnit(f)).append(" |\n");
    }
    if (!r.skipped().isEmpty()) {
      out.append("\nNot measured in this run:\n");
      r.skipped().forEach((section, reason) -> out.append("- ").append(section).append(": ").append(reason).append('\n'));
    }
    if (!r.notes().isEmpty()) {
      out.append("\nNotes:\n");
      r.notes().forEach(n -> out.append("- ").append(n).append('\n'));
    }
    return out.toString();
  }

  /** One line with the absolute footprint figures, which have no reference to be a ratio of. */
  private static String footprint(Results r) {
    StringBuilder line = new StringBuilder();
    r.figure("footprint.rar.size").ifPresent(f -> line.append(" .rar size ").append(withUnit(f)).append(';'));
    r.figure("boot.bare").ifPresent(f -> line.append(" Payara Micro boot ").append(withUnit(f)).append(" bare"));
    r.figure("boot.rar").ifPresent(f -> line.append(", ").append(withUnit(f)).append(" with the .rar;"));
    r.figure("heap.ours.perConnection").ifPresent(f -> line.append(" heap per idle pooled connection ")
        .append(withUnit(f)).append(" (ours)"));
    r.figure("heap.google.perConnection").ifPresent(f -> line.append(", ").append(withUnit(f)).append(" (Google's)"));
    r.figure("heap.pgjdbc-tls.perConnection").ifPresent(f -> line.append(", ").append(withUnit(f))
        .append(" (pgjdbc with TLS)"));
    return line.length() == 0 ? "" : "\nFootprint:" + line + "\n";
  }

  private static String withUnit(Figure f) {
    return fmt(f.value()) + " " + f.unit();
  }

  static String fmt(double value) {
    double abs = Math.abs(value);
    String pattern = abs >= 1000 ? "%.0f" : abs >= 100 ? "%.1f" : abs >= 10 ? "%.2f" : "%.3f";
    return String.format(Locale.ROOT, pattern, value);
  }

  private static String num(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%.4f", value) : "null";
  }

  private static String str(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> {
          if (c < 0x20) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
