package dev.alloydb.jakarta.emulator;

import com.google.cloud.alloydb.v1alpha.GenerateClientCertificateRequest;
import com.google.cloud.alloydb.v1alpha.GetConnectionInfoRequest;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.grpc.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The REST mapping of the Admin API in each {@link AdminApiVersion}
 * ({@code GET /{version}/{instance}/connectionInfo}, {@code POST /{version}/{cluster}:generateClientCertificate},
 * in protobuf's JSON), the OAuth2 token endpoint ({@code POST /token}) and IAM Credentials
 * {@code POST /v1/projects/-/serviceAccounts/{email}:generateAccessToken}.
 * The query string ({@code $alt=json;enum-encoding=int}, {@code requestId}) is ignored.
 */
final class AdminHttpHandler implements HttpHandler {
  static final String TOKEN_PATH = "/token";
  /** IAM Credentials {@code generateAccessToken}, for service-account impersonation. */
  static final String IAM_PREFIX = "/v1/projects/-/serviceAccounts/";
  static final String IAM_SUFFIX = ":generateAccessToken";
  private static final String INFO_SUFFIX = "/connectionInfo";
  private static final String CERT_SUFFIX = ":generateClientCertificate";
  /** Requests are small; anything bigger is refused without reading it all. */
  private static final int MAX_BODY = 64 * 1024;

  private final AdminBackend backend;
  private final TokenService tokens;
  private final AdminTransport transport;

  AdminHttpHandler(AdminBackend backend, TokenService tokens, AdminTransport transport) {
    this.backend = backend;
    this.tokens = tokens;
    this.transport = transport;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      if (path.equals(TOKEN_PATH) && method.equals("POST")) {
        token(exchange);
      } else if (path.startsWith(IAM_PREFIX) && path.endsWith(IAM_SUFFIX) && method.equals("POST")) {
        String target = path.substring(IAM_PREFIX.length(), path.length() - IAM_SUFFIX.length());
        JsonObject body;
        try {
          body = JsonParser.parseString(body(exchange)).getAsJsonObject();
        } catch (RuntimeException e) {
          throw new AdminException(Status.Code.INVALID_ARGUMENT, "request body must be a JSON object");
        }
        send(exchange, 200, tokens.generateAccessToken(bearer(exchange), target, body));
      } else if (version(path) != null && path.endsWith(INFO_SUFFIX) && method.equals("GET")) {
        AdminApiVersion version = version(path);
        String parent = path.substring(version.id().length() + 2, path.length() - INFO_SUFFIX.length());
        respond(exchange, version.info(backend.getConnectionInfo(
            GetConnectionInfoRequest.newBuilder().setParent(parent).build(), caller(exchange, version))));
      } else if (version(path) != null && path.endsWith(CERT_SUFFIX) && method.equals("POST")) {
        AdminApiVersion version = version(path);
        String parent = path.substring(version.id().length() + 2, path.length() - CERT_SUFFIX.length());
        Message.Builder request = version.certificateRequestPrototype().newBuilderForType();
        try {
          String body = body(exchange);
          if (!body.isBlank()) {
            JsonFormat.parser().ignoringUnknownFields().merge(body, request);
          }
        } catch (InvalidProtocolBufferException e) {
          throw new AdminException(Status.Code.INVALID_ARGUMENT,
              "request body is not a JSON GenerateClientCertificateRequest");
        }
        GenerateClientCertificateRequest model =
            version.certificateRequest(request.build()).toBuilder().setParent(parent).build();
        respond(exchange, version.certificateResponse(
            backend.generateClientCertificate(model, caller(exchange, version))));
      } else {
        throw new AdminException(Status.Code.NOT_FOUND,
            method + " " + path + " is not served by the AlloyDB emulator (connectionInfo and "
                + "generateClientCertificate of v1, v1beta and v1alpha only)");
      }
    } catch (AdminException e) {
      error(exchange, e);
    } catch (RuntimeException e) {
      error(exchange, new AdminException(Status.Code.INTERNAL, "emulator error: " + e.getClass().getSimpleName()));
    } finally {
      exchange.close();
    }
  }

  private void token(HttpExchange exchange) throws IOException, AdminException {
    Map<String, String> form = new HashMap<>();
    for (String pair : body(exchange).split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    String response;
    try {
      response = tokens.exchange(form);
    } catch (IllegalArgumentException e) {
      JsonObject err = new JsonObject();
      err.addProperty("error", "invalid_grant");
      err.addProperty("error_description", e.getMessage());
      send(exchange, 400, err.toString());
      return;
    }
    send(exchange, 200, response);
  }

  private Caller caller(HttpExchange exchange, AdminApiVersion version) {
    return new Caller(bearer(exchange), transport, version, exchange.getRequestHeaders().getFirst("User-Agent"),
        exchange.getRequestHeaders().getFirst("x-goog-user-project"));
  }

  private static String bearer(HttpExchange exchange) {
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    return auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).trim() : "";
  }

  /** The Admin API version a path starts with ({@code /v1beta/...}), or null. */
  private static AdminApiVersion version(String path) {
    int end = path.indexOf('/', 1);
    return end < 0 ? null : AdminApiVersion.of(path.substring(1, end));
  }

  private static String body(HttpExchange exchange) throws IOException, AdminException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readNBytes(MAX_BODY + 1);
      if (bytes.length > MAX_BODY) {
        throw new AdminException(Status.Code.INVALID_ARGUMENT, "request body larger than " + MAX_BODY + " bytes");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private static void respond(HttpExchange exchange, MessageOrBuilder message) throws IOException {
    send(exchange, 200, JsonFormat.printer().print(message));
  }

  private static void error(HttpExchange exchange, AdminException e) throws IOException {
    JsonObject error = new JsonObject();
    error.addProperty("code", e.httpStatus());
    error.addProperty("message", e.getMessage());
    error.addProperty("status", e.code().name());
    JsonObject wrapper = new JsonObject();
    wrapper.add("error", error);
    if (e.code() == Status.Code.UNAUTHENTICATED) {
      exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"alloydb-emulator\"");
    }
    send(exchange, e.httpStatus(), wrapper.toString());
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
