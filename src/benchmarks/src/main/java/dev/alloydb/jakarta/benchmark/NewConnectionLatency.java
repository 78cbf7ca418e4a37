package dev.alloydb.jakarta.benchmark;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Section 1: new-connection latency with a warm certificate. The clients first open warm-up connections in turns
 * (which also fills each connector's certificate cache), then take turns, trial after trial, in an order that
 * changes every trial ({@link Turns#inTurn}), so that load from elsewhere on the machine hits all of them
 * alike. Only {@code open()} is timed; each connection is closed before the next one opens.
 *
 * <p>The warm-up is long because the JIT is what made the tail: with 30 connections per client the compiler threads
 * still worked through the first two trials (1.6 s of compilation during one client's first 60 connections), and the
 * client that came first after the warm-up took most of the slowest connections of the run.
 */
final class NewConnectionLatency {

  private final Settings settings;

  NewConnectionLatency(Settings settings) {
    this.settings = settings;
  }

  /** The latencies of each client, and the milliseconds the JIT compiled during the measured trials. */
  record Run(Map<Client, Distribution> latencies, long compilationMillis) {}

  Run run(List<Client> clients) throws Exception {
    for (int i = 0; i < settings.warmupRounds(); i++) {
      for (Client client : clients) {
        openAndClose(client);
      }
    }
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    long compiledBefore = jit.getTotalCompilationTime();
    Map<Client, List<long[]>> trials = new LinkedHashMap<>();
    clients.forEach(c -> trials.put(c, new ArrayList<>()));
    for (int t = 0; t < settings.latencyTrials(); t++) {
      for (Client client : Turns.inTurn(clients, t)) {
        long[] samples = new long[settings.connectionsPerTrial()];
        for (int i = 0; i < samples.length; i++) {
          samples[i] = openAndClose(client);
        }
        trials.get(client).add(samples);
      }
    }
    long compilationMillis = jit.getTotalCompilationTime() - compiledBefore;
    Map<Client, Distribution> result = new LinkedHashMap<>();
    trials.forEach((client, list) -> result.put(client, Distribution.ofTrials(list)));
    return new Run(result, compilationMillis);
  }

  /** Opens, checks and closes one connection; returns the nanoseconds {@code open()} took. */
  static long openAndClose(Client client) throws Exception {
    long start = System.nanoTime();
    Connection connection = client.open();
    long elapsed = System.nanoTime() - start;
    try (connection) {
      if (!connection.isValid(30)) {
        throw new IllegalStateException(client.label() + " returned a connection that is not valid");
      }
    }
    return elapsed;
  }
}
