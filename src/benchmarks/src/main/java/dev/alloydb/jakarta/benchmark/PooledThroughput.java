package dev.alloydb.jakarta.benchmark;

import com.zaxxer.hikari.HikariDataSource;
import dev.alloydb.jakarta.testkit.throughput.ThroughputLoop;
import dev.alloydb.jakarta.testkit.throughput.Workload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Section 4 (in-process): operations per second of each {@link Workload} from {@code poolThreads} threads through
 * a HikariCP pool of the same size over each client. All pools are open at once; the pools take turns, trial after
 * trial, so background load on the machine hits them alike. The result per pool and workload is the median of the
 * trials.
 */
final class PooledThroughput {

  /** Key of one result. */
  record Key(UrlClient client, Workload workload) {}

  private final Settings settings;

  PooledThroughput(Settings settings) {
    this.settings = settings;
  }

  Map<Key, Double> run(List<UrlClient> clients) throws Exception {
    Map<UrlClient, HikariDataSource> pools = new LinkedHashMap<>();
    try {
      for (UrlClient client : clients) {
        pools.put(client, new HikariDataSource(client.poolConfig(settings.poolThreads())));
      }
      for (Workload workload : Workload.values()) {
        for (HikariDataSource pool : pools.values()) {
          ThroughputLoop.run(pool, workload, settings.poolThreads(), settings.throughputWarmup());
        }
      }
      Map<Key, List<Double>> samples = new LinkedHashMap<>();
      for (int t = 0; t < settings.throughputTrials(); t++) {
        for (Workload workload : Workload.values()) {
          for (Map.Entry<UrlClient, HikariDataSource> pool : Turns.inTurn(List.copyOf(pools.entrySet()), t)) {
            double opsPerSecond = ThroughputLoop.run(pool.getValue(), workload, settings.poolThreads(),
                settings.throughputTrial());
            samples.computeIfAbsent(new Key(pool.getKey(), workload), k -> new ArrayList<>()).add(opsPerSecond);
          }
        }
      }
      Map<Key, Double> result = new LinkedHashMap<>();
      samples.forEach((key, list) ->
          result.put(key, Distribution.median(list.stream().mapToDouble(Double::doubleValue).toArray())));
      return result;
    } finally {
      pools.values().forEach(HikariDataSource::close);
    }
  }
}
