package dev.alloydb.jakarta.servers.wildfly;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The threads of a running JVM as {@code jcmd <pid> Thread.print} lists them, seen from outside the server, so that
 * a check of the server's threads needs no code deployed in it (and still works once everything is undeployed).
 */
record ThreadDump(List<ServerThread> threads) {

  /** One thread: its name and its stack, one frame per line. */
  record ServerThread(String name, String stack) {

    /** Whether any frame of the stack is in a class whose name starts with {@code prefix}. */
    boolean runs(String prefix) {
      return stack.contains("at " + prefix);
    }
  }

  static ThreadDump of(Path javaHome, long pid) throws IOException, InterruptedException {
    Process jcmd = new ProcessBuilder(javaHome.resolve("bin/jcmd").toString(), Long.toString(pid), "Thread.print")
        .redirectErrorStream(true).start();
    String text = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!jcmd.waitFor(1, TimeUnit.MINUTES) || jcmd.exitValue() != 0) {
      throw new IOException("jcmd " + pid + " Thread.print failed:\n" + text);
    }
    List<ServerThread> threads = new ArrayList<>();
    for (String block : text.split("\n\\s*\n")) {
      String trimmed = block.strip();
      if (trimmed.startsWith("\"")) {
        int end = trimmed.indexOf('"', 1);
        threads.add(new ServerThread(trimmed.substring(1, end), trimmed.substring(end + 1)));
      }
    }
    return new ThreadDump(List.copyOf(threads));
  }

  /** The threads with any frame in a class whose name starts with {@code prefix}. */
  List<ServerThread> running(String prefix) {
    return threads.stream().filter(thread -> thread.runs(prefix)).toList();
  }

  /** The names of all threads. */
  List<String> names() {
    return threads.stream().map(ServerThread::name).toList();
  }
}
