package dev.alloydb.jakarta.servers.wildfly;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Ends a process and everything it started: standalone.sh and jboss-cli.sh are shell scripts whose JVM is a child,
 * so destroying the script's process alone would leave the server running.
 */
final class ProcessTree {

  private ProcessTree() {
  }

  /**
   * Asks every process of the tree to stop (SIGTERM: WildFly then shuts down gracefully), waits up to
   * {@code grace}, then kills what is left.
   */
  static void stop(ProcessHandle root, Duration grace) {
    List<ProcessHandle> tree = new ArrayList<>();
    root.descendants().forEach(tree::add);
    tree.add(root);
    tree.forEach(ProcessHandle::destroy);
    if (!awaitExit(tree, grace)) {
      // Children first, then the script, so that nothing is reparented and missed.
      tree.forEach(ProcessHandle::destroyForcibly);
      awaitExit(tree, Duration.ofSeconds(10));
    }
  }

  private static boolean awaitExit(List<ProcessHandle> processes, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (ProcessHandle process : processes) {
      CompletableFuture<ProcessHandle> exit = process.onExit();
      try {
        exit.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        return false;
      } catch (ExecutionException e) {
        // onExit never completes exceptionally for a process handle; treat it as still running.
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }
}
