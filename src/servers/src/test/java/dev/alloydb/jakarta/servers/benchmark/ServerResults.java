package dev.alloydb.jakarta.servers.benchmark;

import dev.alloydb.jakarta.testkit.throughput.Workload;
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
import java.util.stream.Collectors;

/**
 * What one server benchmark run measured: per server and workload the resource adapter's and the server's own pool's
 * operations per second (median of the trials), and the servers that failed. Written as {@code servers.json},
 * {@code servers.csv} and {@code servers.md} after each server, so that a run cut short leaves what it measured.
 * Confined to the benchmark's main thread.
 */
final class ServerResults {

  /** The target: the adapter at least this fraction of the server's own pool. */
  static final double TARGET = 0.97;

  /** One server and workload: both pools' trials, in the order they ran. */
  record Row(String server, String jdk, Workload workload, List<Double> adapterTrials, List<Double> nativeTrials) {
    Row {
      adapterTrials = List.copyOf(adapterTrials);
      nativeTrials = List.copyOf(nativeTrials);
    }

    double adapter() {
      return median(adapterTrials);
    }

    double nativePool() {
      return median(nativeTrials);
    }

    double ratio() {
      return adapter() / nativePool();
    }

    boolean met() {
      return ratio() >= TARGET;
    }
  }

  private final Instant started = Instant.now();
  private final String machine;
  private final String settings;
  private final List<Row> rows = new ArrayList<>();
  private final Map<String, String> failures = new LinkedHashMap<>();

  ServerResults(String machine, String settings) {
    this.machine = machine;
    this.settings = settings;
  }

  void add(Row row) {
    rows.add(row);
    System.out.printf(Locale.ROOT, "  %-32s %-10s adapter %9.1f ops/s, native %9.1f ops/s, ratio %.3fx%n",
        row.server(), row.workload(), row.adapter(), row.nativePool(), row.ratio());
  }

  void fail(String server, Exception e) {
    failures.put(server, String.valueOf(e).replaceAll("\\s+", " "));
  }

  boolean failed() {
    return !failures.isEmpty();
  }

  void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("servers.json"), json(), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("servers.csv"), csv(), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("servers.md"), markdown(), StandardCharsets.UTF_8);
  }

  String csv() {
    StringBuilder out = new StringBuilder("server,jdk,workload,adapter_ops_per_s,native_ops_per_s,ratio,target_met\n");
    for (Row r : rows) {
      out.append('"').append(r.server()).append("\",\"").append(r.jdk()).append("\",").append(r.workload())
          .append(',').append(num(r.adapter())).append(',').append(num(r.nativePool())).append(',')
          .append(String.format(Locale.ROOT, "%.4f", r.ratio())).append(',').append(r.met()).append('\n');
    }
    return out.toString();
  }

  String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("Machine: ").append(machine).append(". Run started ").append(started).append(". ").append(settings)
        .append(".\n\n| server | JDK | workload | adapter | server's own pool | ratio | target >= ")
        .append(TARGET).append(" |\n|---|---|---|---:|---:|---:|---|\n");
    for (Row r : rows) {
      out.append("| ").append(r.server()).append(" | ").append(r.jdk()).append(" | ").append(label(r.workload()))
          .append(" | ").append(ops(r.adapter())).append(" | ").append(ops(r.nativePool())).append(" | ")
          .append(String.format(Locale.ROOT, "%.3fx", r.ratio())).append(" | ").append(r.met() ? "yes" : "**no**")
          .append(" |\n");
    }
    if (!failures.isEmpty()) {
      out.append("\nFailed (not measured):\n");
      failures.forEach((server, reason) -> out.append("- ").append(server).append(": ").append(reason).append('\n'));
    }
    return out.toString();
  }

  String json() {
    StringBuilder out = new StringBuilder("{\n");
    out.append("  \"started\": ").append(str(started.toString())).append(",\n");
    out.append("  \"finished\": ").append(str(Instant.now().toString())).append(",\n");
    out.append("  \"machine\": ").append(str(machine)).append(",\n");
    out.append("  \"settings\": ").append(str(settings)).append(",\n");
    out.append("  \"target\": ").append(TARGET).append(",\n  \"rows\": [\n");
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      out.append("    {\"server\": ").append(str(r.server())).append(", \"jdk\": ").append(str(r.jdk()))
          .append(", \"workload\": ").append(str(r.workload().name()))
          .append(", \"adapterOpsPerSecond\": ").append(num(r.adapter()))
          .append(", \"nativeOpsPerSecond\": ").append(num(r.nativePool()))
          .append(", \"ratio\": ").append(String.format(Locale.ROOT, "%.4f", r.ratio()))
          .append(", \"met\": ").append(r.met())
          .append(", \"adapterTrials\": ").append(list(r.adapterTrials()))
          .append(", \"nativeTrials\": ").append(list(r.nativeTrials())).append('}')
          .append(i + 1 < rows.size() ? ",\n" : "\n");
    }
    out.append("  ],\n  \"failed\": {");
    out.append(failures.entrySet().stream().map(e -> str(e.getKey()) + ": " + str(e.getValue()))
        .collect(Collectors.joining(", ")));
    return out.append("}\n}\n").toString();
  }

  static String label(Workload workload) {
    return workload == Workload.SELECT_1 ? "`SELECT 1`" : "read/write";
  }

  static String ops(double value) {
    return String.format(Locale.ROOT, "%.0f ops/s", value);
  }

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static String list(List<Double> values) {
    return values.stream().map(ServerResults::num).collect(Collectors.joining(", ", "[", "]"));
  }

  private static String num(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  private static String str(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
  }
}
