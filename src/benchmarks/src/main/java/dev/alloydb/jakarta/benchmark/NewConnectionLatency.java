package dev.alloydb.jakarta.benchmark;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Section 1: new-connection latency with a warm certificate. Every client first opens warm-up connections (which
 * also fills each connector's certificate cache), then the clients take turns, trial after trial, so that load from
 * elsewhere on the machine hits all of them alike. Only {@code open()} is timed; each connection is closed before
 * the next one opens.
 */
final class NewConnectionLatency {

  private final Settings settings;

  NewConnectionLatency(Settings settings) {
    this.settings = settings;
  }

  Map<Client, Distribution> run(List<Client> clients) throws Exception {
    for (Client client : clients) {
      for (int i = 0; i < settings.warmupConnections(); i++) {
        openAndClose(client);
      }
    }
    Map<Client, List<long[]>> trials = new LinkedHashMap<>();
    clients.forEach(c -> trials.put(c, new ArrayList<>()));
    for (int t = 0; t < settings.latencyTrials(); t++) {
      for (Client client : clients) {
        long[] samples = new long[settings.connectionsPerTrial()];
        for (int i = 0; i < samples.length; i++) {
          samples[i] = openAndClose(client);
        }
        trials.get(client).add(samples);
      }
    }
    Map<Client, Distribution> result = new LinkedHashMap<>();
    trials.forEach((client, list) -> result.put(client, Distribution.ofTrials(list)));
    return result;
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
