package dev.alloydb.jakarta.benchmark;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Section 2: cold start, from creating a connector to the first open connection, with Admin API latency injected
 * by the emulator. A fresh connector per trial; the clients alternate trial by trial. One untimed trial each first,
 * so class loading and JIT are not billed to whichever client happens to go first. Stateless.
 */
final class ColdStart {

  /**
   * @param headStart time between creating the connector and asking for the first connection, not counted: zero is
   *     the cold start as the issue defines it; a second lets each connector finish its key pair first, which leaves
   *     the Admin API path and the first dial
   */
  Map<ColdClient, Distribution> run(List<ColdClient> clients, Duration headStart, int trials) throws Exception {
    for (ColdClient client : clients) {
      timeOneColdConnection(client, headStart);
    }
    Map<ColdClient, List<Long>> samples = new LinkedHashMap<>();
    clients.forEach(c -> samples.put(c, new ArrayList<>()));
    for (int t = 0; t < trials; t++) {
      for (ColdClient client : clients) {
        samples.get(client).add(timeOneColdConnection(client, headStart));
      }
    }
    Map<ColdClient, Distribution> result = new LinkedHashMap<>();
    samples.forEach((client, list) ->
        result.put(client, Distribution.ofNanos(list.stream().mapToLong(Long::longValue).toArray())));
    return result;
  }

  private static long timeOneColdConnection(ColdClient client, Duration headStart) throws Exception {
    long start = System.nanoTime();
    try (ColdClient.Session session = client.start()) {
      if (!headStart.isZero()) {
        Thread.sleep(headStart.toMillis());
        start = System.nanoTime();
      }
      try (Connection connection = session.open()) {
        return checked(client, connection, System.nanoTime() - start);
      }
    }
  }

  private static long checked(ColdClient client, Connection connection, long elapsed) throws Exception {
    if (!connection.isValid(30)) {
      throw new IllegalStateException(client.label() + " returned a connection that is not valid");
    }
    return elapsed;
  }
}
