package dev.alloydb.jakarta.servers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The server's JVM seen from outside, the same way for every server: found as the process listening on its HTTP port
 * (Linux {@code /proc}), its threads read with the JDK's {@code jcmd Thread.print}.
 */
final class ServerJvm {

  private static final String LISTEN = "0A";

  private final Path javaHome;
  private final long pid;

  private ServerJvm(Path javaHome, long pid) {
    this.javaHome = javaHome;
    this.pid = pid;
  }

  /** The process that listens on {@code port} on this machine. */
  static ServerJvm listeningOn(int port, Path javaHome) throws IOException {
    String inode = listeningSocketInode(port);
    try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path process : processes) {
        if (holdsSocket(process, inode)) {
          return new ServerJvm(javaHome, Long.parseLong(process.getFileName().toString()));
        }
      }
    }
    throw new IllegalStateException("no process holds the socket listening on port " + port);
  }

  long pid() {
    return pid;
  }

  /** {@code jcmd <pid> Thread.print}: every live thread's name and stack. */
  String threadDump() throws IOException, InterruptedException {
    Process jcmd = new ProcessBuilder(javaHome.resolve("bin/jcmd").toString(), Long.toString(pid), "Thread.print")
        .redirectErrorStream(true).start();
    byte[] output = jcmd.getInputStream().readAllBytes();
    if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
      throw new IllegalStateException("jcmd Thread.print of process " + pid + " failed: "
          + new String(output, StandardCharsets.UTF_8));
    }
    return new String(output, StandardCharsets.UTF_8);
  }

  private static String listeningSocketInode(int port) throws IOException {
    String localPort = ":" + String.format(Locale.ROOT, "%04X", port);
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      for (String line : Files.readAllLines(Path.of(table))) {
        String[] fields = line.trim().split("\\s+");
        if (fields.length > 9 && fields[1].endsWith(localPort) && fields[3].equals(LISTEN)) {
          return fields[9];
        }
      }
    }
    throw new IllegalStateException("nothing listens on port " + port);
  }

  private static boolean holdsSocket(Path process, String inode) {
    String target = "socket:[" + inode + "]";
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(process.resolve("fd"))) {
      for (Path fd : fds) {
        if (target.equals(Files.readSymbolicLink(fd).toString())) {
          return true;
        }
      }
    } catch (IOException | SecurityException e) {
      // The process ended meanwhile, or is not ours to read: not the server.
    }
    return false;
  }
}
