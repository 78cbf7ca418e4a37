package dev.alloydb.jakarta.benchmark;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How much work each benchmark does. The defaults fit the whole run in about 12 minutes on 2 cores;
 * {@code -Dbenchmark.quick=true} shrinks everything for a smoke run of the harness itself, and
 * {@code -Dbenchmark.sections=1,2} runs only some sections ({@code -Dbenchmark.freshJvmTrials=n} sets the trials of
 * section 2f; {@code -Dbenchmark.bootTrials=n} the Payara Micro boots of section 4p, each bare, with the .rar and
 * with the .rar without the Google libraries;
 * {@code -Dbenchmark.warmupRounds=n} the warm-up connections of section 1, per client).
 */
record Settings(
    boolean quick,
    Set<String> sections,
    int warmupRounds,
    int connectionsPerTrial,
    int latencyTrials,
    int coldStartTrials,
    int freshJvmTrials,
    Duration adminLatency,
    int herdThreads,
    int herdTrials,
    int poolThreads,
    Duration throughputWarmup,
    Duration throughputTrial,
    int throughputTrials,
    int bootTrials,
    int heapConnections) {

  private static final String FRESH_JVM_TRIALS = "benchmark.freshJvmTrials";
  private static final String BOOT_TRIALS = "benchmark.bootTrials";
  private static final String WARMUP_ROUNDS = "benchmark.warmupRounds";
  static final Set<String> ALL_SECTIONS = Set.of("1", "2", "2f", "3", "4", "4p", "5");

  static Settings fromSystemProperties() {
    boolean quick = Boolean.getBoolean("benchmark.quick");
    String sectionList = System.getProperty("benchmark.sections", String.join(",", ALL_SECTIONS));
    Set<String> sections = Arrays.stream(sectionList.split(",")).map(String::trim).filter(s -> !s.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
    if (!ALL_SECTIONS.containsAll(sections)) {
      throw new IllegalArgumentException("benchmark.sections=" + sectionList + ": expected a comma-separated subset of "
          + ALL_SECTIONS);
    }
    return quick
        ? new Settings(true, sections, 10, 20, 2, 2, Integer.getInteger(FRESH_JVM_TRIALS, 2), Duration.ofMillis(50),
            200, 1, 8,
            Duration.ofSeconds(1), Duration.ofSeconds(1), 1, Integer.getInteger(BOOT_TRIALS, 1), 8)
        : new Settings(false, sections, Integer.getInteger(WARMUP_ROUNDS, 150), 60, 8, 15,
            Integer.getInteger(FRESH_JVM_TRIALS, 15), Duration.ofMillis(50),
            200, 3, 8,
            Duration.ofSeconds(2), Duration.ofSeconds(3), 8, Integer.getInteger(BOOT_TRIALS, 3), 32);
  }

  boolean runs(String section) {
    return sections.contains(section);
  }
}
