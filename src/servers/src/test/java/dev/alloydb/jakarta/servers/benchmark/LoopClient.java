package dev.alloydb.jakarta.servers.benchmark;

import dev.alloydb.jakarta.testkit.throughput.LoopWar;
import dev.alloydb.jakarta.testkit.throughput.Workload;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Triggers the throughput loop ({@code testkit.throughput.LoopServlet}) inside a server over HTTP; the loop itself
 * runs in the server, so HTTP is not part of the figure.
 */
final class LoopClient {

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final URI base;
  private final int threads;

  LoopClient(URI serverBase, int threads) {
    this.base = serverBase.resolve(LoopWar.NAME + "/loop");
    this.threads = threads;
  }

  /** Creates the read/write workload's table through the DataSource {@code jndi}. */
  void createSchema(String jndi) throws IOException, InterruptedException {
    get("jndi=" + encode(jndi) + "&schema=true", Duration.ofMinutes(2));
  }

  /** Runs {@code workload} for {@code duration} against the DataSource {@code jndi}; operations per second. */
  double run(String jndi, Workload workload, Duration duration) throws IOException, InterruptedException {
    String body = get("jndi=" + encode(jndi) + "&workload=" + workload + "&threads=" + threads + "&millis="
        + duration.toMillis(), duration.plusMinutes(2));
    return Double.parseDouble(body.trim());
  }

  /**
   * @throws IOException carrying the server's answer if it is not 200: the pool did not serve
   */
  private String get(String query, Duration timeout) throws IOException, InterruptedException {
    URI uri = URI.create(base + "?" + query);
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IOException("GET " + uri + " answered " + answer.statusCode() + ": " + answer.body());
    }
    return answer.body();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
