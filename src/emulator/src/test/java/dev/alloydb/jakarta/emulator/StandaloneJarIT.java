package dev.alloydb.jakarta.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The runnable jar as a user of any language runs it ({@code java -jar alloydb-emulator-VERSION-standalone.jar}): it
 * prints the one JSON line, serves the Admin API it names, and stops with its PostgreSQL at end of input.
 */
class StandaloneJarIT {

  @Test
  void printsItsEndpointsServesThemAndStopsAtEndOfInput() throws Exception {
    Path jar = Path.of(System.getProperty("alloydb.emulator.standalone-jar"));
    Path tmp = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "standalone-jar"));
    Process emulator = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.io.tmpdir=" + tmp, "-jar", jar.toString())
        .redirectError(tmp.resolve("stderr.txt").toFile()).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(emulator.getInputStream(), StandardCharsets.UTF_8));
      JsonObject json = JsonParser.parseString(out.readLine()).getAsJsonObject();
      assertThat(json.getAsJsonArray("instances").get(0).getAsJsonObject().get("uri").getAsString())
          .isEqualTo(AlloyDbEmulator.DEFAULT_INSTANCE);
      assertThat(Path.of(json.get("credentialsFile").getAsString())).exists();

      HttpResponse<String> unauthenticated = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
          json.get("adminApiRestEndpoint").getAsString() + "/v1beta/" + AlloyDbEmulator.DEFAULT_INSTANCE
              + "/connectionInfo")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(unauthenticated.statusCode()).isEqualTo(401);
      assertThat(unauthenticated.body()).contains("\"status\":\"UNAUTHENTICATED\"");

      emulator.getOutputStream().close();
      assertThat(emulator.waitFor(1, TimeUnit.MINUTES)).as("stopped at end of input").isTrue();
      assertThat(emulator.exitValue()).isZero();
      assertThat(Files.readString(tmp.resolve("stderr.txt"))).contains("AlloyDB emulator stopped");
      assertThat(Path.of(json.get("credentialsFile").getAsString())).as("its files, deleted").doesNotExist();
    } finally {
      emulator.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }
}
