package dev.alloydb.jakarta.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What the benchmark ran on: recorded next to the figures, because they mean nothing without it. */
record MachineInfo(int cores, String cpu, long memoryMb, String jdk, String os, double loadAverageAtStart) {

  static MachineInfo current() {
    Runtime rt = Runtime.getRuntime();
    return new MachineInfo(
        rt.availableProcessors(),
        cpuModel(),
        totalMemoryMb(),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch")
            + osRelease(),
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  String oneLine() {
    return String.format(java.util.Locale.ROOT, "%d cores (%s), %d MB RAM, %s, %s; load average %.1f at start",
        cores, cpu, memoryMb, jdk, os, loadAverageAtStart);
  }

  private static String cpuModel() {
    return firstValue(Path.of("/proc/cpuinfo"), "model name").orElse(System.getProperty("os.arch"));
  }

  private static long totalMemoryMb() {
    return firstValue(Path.of("/proc/meminfo"), "MemTotal")
        .map(v -> Long.parseLong(v.replace("kB", "").trim()) / 1024)
        .orElse(-1L);
  }

  private static String osRelease() {
    return firstValue(Path.of("/etc/os-release"), "PRETTY_NAME")
        .map(v -> " (" + v.replace("\"", "") + ")")
        .orElse("");
  }

  private static java.util.Optional<String> firstValue(Path file, String key) {
    if (!Files.isReadable(file)) {
      return java.util.Optional.empty();
    }
    try (Stream<String> lines = Files.lines(file)) {
      return lines.filter(l -> l.startsWith(key))
          .map(l -> l.substring(l.indexOf(l.contains(":") ? ':' : '=') + 1).trim())
          .findFirst();
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
  }
}
