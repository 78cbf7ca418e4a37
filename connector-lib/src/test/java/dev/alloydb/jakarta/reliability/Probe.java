package dev.alloydb.jakarta.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Leak probes of this JVM: open file descriptors (sockets included) and live threads. */
final class Probe {
  private static final Path FDS = Path.of("/proc/self/fd");
  /** Thread name prefixes of the server side (emulator, token tap) and of JDK helpers that end when idle. */
  private static final List<String> SERVER_SIDE = List.of("alloydb-emulator-", "grpc-", "token-tap", "HttpClient-",
      "Keep-Alive-", "hostile-server", "process reaper", "Attach Listener");

  private Probe() {
  }

  static long openFileDescriptors() {
    try (Stream<Path> fds = Files.list(FDS)) {
      return fds.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Names of live threads whose name starts with one of {@code prefixes}. */
  static List<String> threadsNamed(String... prefixes) {
    return Thread.getAllStackTraces().keySet().stream()
        .map(Thread::getName)
        .filter(n -> Arrays.stream(prefixes).anyMatch(n::startsWith))
        .sorted()
        .toList();
  }

  /**
   * Threads of this JVM's client side alive now: every live thread except the in-process emulator's and the
   * {@link TokenTap}'s (the server side of these tests) and the JDK's own self-ending helpers.
   */
  static Set<Thread> clientThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> SERVER_SIDE.stream().noneMatch(t.getName()::startsWith))
        .collect(Collectors.toSet());
  }

  /** Waits (up to 60 s) until no client thread is alive that was not in {@code baseline}; returns their names. */
  static List<String> awaitNoNewClientThreads(Set<Thread> baseline) throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    List<String> extra = newNames(baseline);
    while (!extra.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(200);
      extra = newNames(baseline);
    }
    return extra;
  }

  private static List<String> newNames(Set<Thread> baseline) {
    return clientThreads().stream().filter(t -> !baseline.contains(t)).map(Thread::getName).sorted().toList();
  }

  /** Polls (up to 30 s) until the descriptor count is at most {@code bound}; returns the last count. */
  static long awaitFileDescriptorsAtMost(long bound) throws InterruptedException {
    return awaitAtMost(Probe::openFileDescriptors, bound);
  }

  private static long awaitAtMost(LongSupplier value, long bound) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    long current = value.getAsLong();
    while (current > bound && System.nanoTime() < deadline) {
      Thread.sleep(100);
      current = value.getAsLong();
    }
    return current;
  }
}
