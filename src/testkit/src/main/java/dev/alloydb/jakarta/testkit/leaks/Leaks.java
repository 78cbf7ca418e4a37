package dev.alloydb.jakarta.testkit.leaks;

import dev.alloydb.jakarta.testkit.tls.HostileServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Finds threads and client sockets a test left behind. */
public final class Leaks {
  /** Threads that belong to the test kit, the JDK's HTTP keep-alive cache or pgjdbc, not to the connector. */
  private static final List<String> NOT_OURS = List.of("alloydb-emulator-", "grpc-", "fixture-",
      HostileServer.THREAD_NAME, "HTTP-Dispatcher", "Keep-Alive-", "PostgreSQL-JDBC-", "process reaper",
      "server-timer", "idle-timeout-task", "surefire-forkedjvm-", "Attach Listener", "Common-Cleaner", "JFR ");

  private Leaks() {
  }

  /** The live threads of this JVM. */
  public static Set<Thread> threads() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).collect(Collectors.toSet());
  }

  /** Live threads that were not in {@code before} and are not test-kit or JDK threads; waits up to 10 s. */
  public static List<String> newThreads(Set<Thread> before) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    List<String> fresh;
    do {
      fresh = threads().stream().filter(t -> !before.contains(t))
          .map(Thread::getName).filter(name -> NOT_OURS.stream().noneMatch(name::startsWith))
          .sorted().collect(Collectors.toList());
      if (!fresh.isEmpty()) {
        Thread.sleep(200);
      }
    } while (!fresh.isEmpty() && System.nanoTime() < deadline);
    return fresh;
  }

  /** Open sockets of this process whose remote port is {@code port} (client sides of connections to it). */
  public static long clientSocketsTo(int port) throws IOException {
    Set<String> inodes = new HashSet<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      for (Path fd : (Iterable<Path>) fds::iterator) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:[")) {
            inodes.add(target.substring(8, target.length() - 1));
          }
        } catch (IOException e) {
          // the descriptor closed while listing
        }
      }
    }
    long count = 0;
    for (String table : List.of("/proc/self/net/tcp", "/proc/self/net/tcp6")) {
      Path file = Path.of(table);
      if (!Files.exists(file)) {
        continue;
      }
      List<String> lines = Files.readAllLines(file);
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.trim().split("\\s+");
        String remote = f[2];
        int remotePort = Integer.parseInt(remote.substring(remote.indexOf(':') + 1), 16);
        if (remotePort == port && inodes.contains(f[9]) && !"0".equals(f[9])) {
          count++;
        }
      }
    }
    return count;
  }
}
