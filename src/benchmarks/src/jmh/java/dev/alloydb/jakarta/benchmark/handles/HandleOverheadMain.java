package dev.alloydb.jakarta.benchmark.handles;

import dev.alloydb.jakarta.emulator.AlloyDbEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link HandleOverhead} against a local emulator started here: per round and case one fork per side, the
 * sides alternating which goes first from round to round, so a load change on a shared machine hits both. The
 * overhead of a round is handle / raw of its two forks; the report gives the median over rounds
 * ({@link OverheadReport}). Settings, as system properties: {@code handles.rounds} (3), {@code handles.warmups} (3),
 * {@code handles.iterations} (5), {@code handles.seconds} (1, per iteration), {@code handles.results} (directory
 * of handles.json/csv/md), {@code handles.adapterJar}, {@code handles.dir} (work directory).
 */
public final class HandleOverheadMain {

  static final List<String> CASES = List.of("selectOne", "hundredRows", "fetchedRows", "batchInsert");
  static final List<String> SIDES = List.of("raw", "handle");

  private HandleOverheadMain() {
  }

  public static void main(String[] args) throws Exception {
    int rounds = Integer.getInteger("handles.rounds", 3);
    int warmups = Integer.getInteger("handles.warmups", 3);
    int iterations = Integer.getInteger("handles.iterations", 5);
    int seconds = Integer.getInteger("handles.seconds", 1);
    Path results = Path.of(required("handles.results"));
    Path dir = Files.createDirectories(Path.of(required("handles.dir")));
    Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
    Path adapterJar = Path.of(required("handles.adapterJar"));
    if (!Files.isRegularFile(adapterJar)) {
      throw new IllegalStateException("no adapter jar at " + adapterJar + ": build connector-rar first");
    }
    try (AlloyDbEmulator emulator = AlloyDbEmulator.builder().start()) {
      Path targetFile = dir.resolve("target.properties");
      new BenchmarkTarget(adapterJar, Map.of(
          "instanceUri", emulator.instance().uri(),
          "user", emulator.passwordUser(),
          "password", emulator.password(),
          "adminServiceEndpoint", emulator.adminApiRestEndpoint(),
          "credentialsFile", emulator.credentialsFile().toString())).write(targetFile);
      warmEmulator(targetFile, Duration.ofSeconds(seconds * (warmups + iterations)));
      Map<String, Map<String, List<Double>>> scores = new LinkedHashMap<>();
      for (int round = 0; round < rounds; round++) {
        for (String benchmark : CASES) {
          List<String> order = round % 2 == 0 ? SIDES : List.of(SIDES.get(1), SIDES.get(0));
          for (String side : order) {
            Options options = new OptionsBuilder()
                .include(HandleOverhead.class.getName() + "\\." + benchmark + "$")
                .param("side", side)
                .forks(1)
                .warmupIterations(warmups)
                .warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.seconds(seconds))
                .jvmArgsAppend("-Xms256m", "-Xmx256m", "-D" + BenchmarkTarget.FILE_PROPERTY + "=" + targetFile,
                    "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"))
                .shouldFailOnError(true)
                .build();
            RunResult run = new Runner(options).runSingle();
            Result<?> primary = run.getPrimaryResult();
            scores.computeIfAbsent(benchmark, b -> new LinkedHashMap<>())
                .computeIfAbsent(side, s -> new ArrayList<>()).add(primary.getScore());
          }
        }
      }
      OverheadReport report = OverheadReport.of(scores, rounds, warmups, iterations, seconds);
      report.write(Files.createDirectories(results));
      System.out.println(report.table());
    }
  }

  /**
   * Runs every case through pgjdbc here for {@code each}, so that the emulator's TLS proxy (in this JVM) is compiled
   * before the first measured fork and the first round is not slower for whichever side goes first.
   */
  private static void warmEmulator(Path targetFile, Duration each) throws Exception {
    System.setProperty(BenchmarkTarget.FILE_PROPERTY, targetFile.toString());
    HandleOverhead benchmark = new HandleOverhead();
    warm(new HandleOverhead.SelectOne(), benchmark::selectOne, each);
    warm(new HandleOverhead.HundredRows(), benchmark::hundredRows, each);
    warm(new HandleOverhead.BatchInsert(), benchmark::batchInsert, each);
  }

  /** One benchmark method, as {@link #warm} calls it. */
  private interface Operation<S> {
    Object run(S state) throws SQLException;
  }

  private static <S extends HandleOverhead.Side> void warm(S state, Operation<S> operation, Duration duration)
      throws Exception {
    state.side = "raw";
    state.open();
    try {
      long end = System.nanoTime() + duration.toNanos();
      while (System.nanoTime() < end) {
        operation.run(state);
      }
    } finally {
      state.close();
    }
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("-D" + property + " is required (set by the jmh profile of src/benchmarks)");
    }
    return value;
  }
}
