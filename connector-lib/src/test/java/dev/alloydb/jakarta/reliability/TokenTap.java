package dev.alloydb.jakarta.reliability;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.alloydb.jakarta.emulator.AlloyDbEmulator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * Sits between the connector and the emulator's OAuth2 token endpoint and remembers every access token issued, so
 * the suite can look for them in logs. It serves a copy of the emulator's credentials file whose {@code token_uri}
 * points at the tap. One per JVM.
 */
final class TokenTap {
  private static TokenTap instance;

  private final Set<String> tokens = ConcurrentHashMap.newKeySet();
  private final Path credentialsFile;
  private final String privateKeyPem;

  private TokenTap(AlloyDbEmulator emulator) throws IOException {
    HttpClient client = HttpClient.newHttpClient();
    URI target = URI.create(emulator.tokenEndpoint());
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "token-tap");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/", exchange -> relay(client, target, exchange));
    server.start();
    JsonObject credentials = JsonParser.parseString(Files.readString(emulator.credentialsFile())).getAsJsonObject();
    privateKeyPem = credentials.get("private_key").getAsString();
    credentials.addProperty("token_uri", "http://127.0.0.1:" + server.getAddress().getPort() + "/token");
    credentialsFile = Files.createTempFile("reliability-credentials", ".json");
    credentialsFile.toFile().deleteOnExit();
    Files.writeString(credentialsFile, credentials.toString());
  }

  static synchronized TokenTap get() {
    if (instance == null) {
      try {
        instance = new TokenTap(AlloyDbEmulator.shared());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return instance;
  }

  /** Credentials file whose tokens pass through the tap. */
  Path credentialsFile() {
    return credentialsFile;
  }

  /** Every access token issued through the tap so far. */
  List<String> tokens() {
    return List.copyOf(tokens);
  }

  /** The service account's private key (PEM), which must never be logged either. */
  String privateKeyPem() {
    return privateKeyPem;
  }

  private void relay(HttpClient client, URI target, HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      HttpRequest.Builder request = HttpRequest.newBuilder(target)
          .POST(HttpRequest.BodyPublishers.ofByteArray(body));
      String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
      if (contentType != null) {
        request.header("Content-Type", contentType);
      }
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 200) {
        JsonObject json = JsonParser.parseString(response.body()).getAsJsonObject();
        if (json.has("access_token")) {
          tokens.add(json.get("access_token").getAsString());
        }
      }
      byte[] answer = response.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(response.statusCode(), answer.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exchange.sendResponseHeaders(503, -1);
    }
  }
}
