package dev.alloydb.jakarta.benchmark;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Section 2: cold start, from creating a connector to the first open connection, with Admin API latency injected
 * by the emulator. A fresh connector per trial; the clients alternate trial by trial. One untimed trial each first,
 * so class loading and JIT are not billed to whichever client happens to go first.
 */
final class ColdStart {

  private final Settings settings;

  ColdStart(Settings settings) {
    this.settings = settings;
  }

  Map<ColdClient, Distribution> run(List<ColdClient> clients) throws Exception {
    for (ColdClient client : clients) {
      timeOneColdConnection(client);
    }
    Map<ColdClient, List<Long>> samples = new LinkedHashMap<>();
    clients.forEach(c -> samples.put(c, new ArrayList<>()));
    for (int t = 0; t < settings.coldStartTrials(); t++) {
      for (ColdClient client : clients) {
        samples.get(client).add(timeOneColdConnection(client));
      }
    }
    Map<ColdClient, Distribution> result = new LinkedHashMap<>();
    samples.forEach((client, list) ->
        result.put(client, Distribution.ofNanos(list.stream().mapToLong(Long::longValue).toArray())));
    return result;
  }

  private static long timeOneColdConnection(ColdClient client) throws Exception {
    long start = System.nanoTime();
    try (ColdClient.Session session = client.start(); Connection connection = session.open()) {
      long elapsed = System.nanoTime() - start;
      if (!connection.isValid(30)) {
        throw new IllegalStateException(client.label() + " returned a connection that is not valid");
      }
      return elapsed;
    }
  }
}
