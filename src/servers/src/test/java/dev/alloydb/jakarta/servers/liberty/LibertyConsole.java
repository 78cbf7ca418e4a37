package dev.alloydb.jakarta.servers.liberty;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * The console of a {@code server run} process (Liberty's audit, warning and error messages): copies it to a file
 * and lets a caller wait for a message that appears after a given point. Thread-safe.
 */
final class LibertyConsole {

  private final Path file;
  private final List<String> lines = new ArrayList<>();
  private boolean closed;

  private LibertyConsole(Path file) {
    this.file = file;
  }

  /** Starts copying {@code output} to {@code file} on a daemon thread. */
  static LibertyConsole follow(InputStream output, Path file) {
    LibertyConsole console = new LibertyConsole(file);
    Thread pump = new Thread(() -> console.copy(output), "liberty-console");
    pump.setDaemon(true);
    pump.start();
    return console;
  }

  /** How many lines were read so far: a mark for {@link #await}. */
  synchronized int mark() {
    return lines.size();
  }

  /**
   * Waits for the first line after {@code mark} that {@code wanted} accepts.
   *
   * @throws IllegalStateException if a line {@code failure} accepts comes first, or the output ends
   * @throws TimeoutException if neither comes in time
   */
  synchronized String await(int mark, Predicate<String> wanted, Predicate<String> failure, Duration timeout,
      String what) throws InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    int next = mark;
    while (true) {
      for (; next < lines.size(); next++) {
        String line = lines.get(next);
        if (wanted.test(line)) {
          return line;
        }
        if (failure.test(line)) {
          throw new IllegalStateException("Open Liberty failed while waiting for " + what + ": " + line
              + " (see " + file + ")");
        }
      }
      if (closed) {
        throw new IllegalStateException("Open Liberty's output ended while waiting for " + what + "; see " + file);
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new TimeoutException("No " + what + " from Open Liberty within " + timeout + "; see " + file);
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  Path file() {
    return file;
  }

  private void copy(InputStream output) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8));
        Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        out.write(line);
        out.write('\n');
        out.flush();
        synchronized (this) {
          lines.add(line);
          notifyAll();
        }
      }
    } catch (IOException e) {
      // The process went away or the file cannot be written: await() reports the end of the output.
    } finally {
      synchronized (this) {
        closed = true;
        notifyAll();
      }
    }
  }
}
