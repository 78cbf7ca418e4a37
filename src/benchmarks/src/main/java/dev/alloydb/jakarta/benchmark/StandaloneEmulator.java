package dev.alloydb.jakarta.benchmark;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

/**
 * A second emulator in a child JVM (the emulator's own {@code main}), for the heap measurement: with the emulator in
 * another process, the heap of this JVM holds only the client's side of each connection. Its PostgreSQL gets TLS
 * too, for the pgjdbc reference. {@link #close()} ends it through its standard input, as its {@code main} expects.
 */
final class StandaloneEmulator implements AutoCloseable {

  private static final String MAIN = "dev.alloydb.jakarta.emulator.EmulatorMain";

  private final Process process;
  private final EmulatorEndpoints endpoints;

  private StandaloneEmulator(Process process, EmulatorEndpoints endpoints) {
    this.process = process;
    this.endpoints = endpoints;
  }

  static StandaloneEmulator start(Path workDir) throws IOException, SQLException, InterruptedException {
    Path tmp = Files.createDirectories(workDir.resolve("standalone-emulator-tmp"));
    Path log = workDir.resolve("standalone-emulator.log");
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-Dsun.net.httpserver.nodelay=true", "-Djava.io.tmpdir=" + tmp,
        "-Dot.epg.working-dir=" + workDir.resolve("standalone-emulator-pg"),
        "-cp", System.getProperty("java.class.path"), MAIN)
        .redirectError(log.toFile())
        .start();
    try {
      // The emulator prints one JSON line once it is up; a generous wait covers a loaded machine.
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      if (line == null) {
        throw new IOException("the standalone emulator exited before it was ready; see " + log);
      }
      JsonObject json = JsonParser.parseString(line).getAsJsonObject();
      EmulatorEndpoints endpoints = new EmulatorEndpoints(
          json.getAsJsonArray("instances").get(0).getAsJsonObject().get("uri").getAsString(),
          json.get("adminApiRestEndpoint").getAsString(), json.get("adminApiGrpcTlsEndpoint").getAsString(),
          Path.of(json.get("credentialsFile").getAsString()), json.get("passwordUser").getAsString(),
          json.get("password").getAsString(), json.get("directJdbcUrl").getAsString(),
          Path.of(json.get("trustStore").getAsString()), json.get("trustStorePassword").getAsString());
      PostgresTls.enable(endpoints.directJdbcUrl(), endpoints.login(), tmp);
      return new StandaloneEmulator(process, endpoints);
    } catch (IOException | SQLException | InterruptedException | RuntimeException e) {
      process.destroyForcibly();
      throw e;
    }
  }

  EmulatorEndpoints endpoints() {
    return endpoints;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    process.getOutputStream().close();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }
}
