package dev.alloydb.jakarta.connector.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.alloydb.jakarta.testkit.tls.TestCa;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A minimal REST Admin API for hostile-server cases: answers GetConnectionInfo with the given addresses and signs
 * the caller's key with a test CA. Unlike the emulator, it can point the connector at any server.
 */
final class FakeAdminApi implements AutoCloseable {
  private final HttpServer server;
  private final TestCa ca;
  private final Map<String, String> addresses;
  private final java.util.concurrent.atomic.AtomicInteger certificates = new java.util.concurrent.atomic.AtomicInteger();

  /** {@code addresses}: JSON field name ({@code ipAddress}, {@code publicIpAddress}, {@code pscDnsName}) to value. */
  FakeAdminApi(TestCa ca, Map<String, String> addresses) throws IOException {
    this.ca = ca;
    this.addresses = addresses;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** GenerateClientCertificate calls answered so far. */
  int certificates() {
    return certificates.get();
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      JsonObject body = new JsonObject();
      if (path.endsWith("/connectionInfo")) {
        addresses.forEach(body::addProperty);
        body.addProperty("instanceUid", "fake-uid");
      } else if (path.endsWith(":generateClientCertificate")) {
        JsonObject request = JsonParser.parseReader(
            new InputStreamReader(exchange.getRequestBody(), StandardCharsets.UTF_8)).getAsJsonObject();
        PublicKey key = parsePublicKey(request.get("publicKey").getAsString());
        JsonArray chain = new JsonArray();
        chain.add(TestCa.pem(ca.issue(key, "client", List.of(), Duration.ofHours(1))));
        chain.add(TestCa.pem(ca.certificate()));
        body.add("pemCertificateChain", chain);
        body.addProperty("caCert", TestCa.pem(ca.certificate()));
        certificates.incrementAndGet();
      } else {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    } catch (Exception e) {
      exchange.sendResponseHeaders(500, -1);
    }
  }

  private static PublicKey parsePublicKey(String pem) throws Exception {
    String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
