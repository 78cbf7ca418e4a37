package dev.alloydb.jakarta.emulator;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * The four front ends of the Admin API on loopback ports, all over one {@link AdminBackend}: REST over HTTP and
 * HTTPS (which also serve the token and IAM Credentials endpoints) and gRPC over TLS and in plaintext, each serving
 * every {@link AdminApiVersion}.
 */
final class AdminServers implements Closeable {
  private static final Logger LOG = System.getLogger(AdminServers.class.getName());
  private final List<AutoCloseable> started = new ArrayList<>();
  final String restEndpoint;
  final String restTlsEndpoint;
  final String grpcTlsEndpoint;
  final String grpcPlaintextEndpoint;

  AdminServers(AdminBackend admin, TokenService tokens, ServerIdentity identity) throws IOException {
    try {
      ExecutorService httpThreads = daemonPool("alloydb-emulator-http-");
      started.add(httpThreads::shutdownNow);
      HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
      http.createContext("/", new AdminHttpHandler(admin, tokens, AdminTransport.REST_HTTP));
      http.setExecutor(httpThreads);
      http.start();
      started.add(() -> http.stop(0));
      restEndpoint = "http://127.0.0.1:" + http.getAddress().getPort();

      HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
      https.setHttpsConfigurator(new HttpsConfigurator(sslContext(identity)));
      https.createContext("/", new AdminHttpHandler(admin, tokens, AdminTransport.REST_HTTPS));
      https.setExecutor(httpThreads);
      https.start();
      started.add(() -> https.stop(0));
      restTlsEndpoint = "https://127.0.0.1:" + https.getAddress().getPort();

      ServerCredentials tls = TlsServerCredentials.create(
          new ByteArrayInputStream(identity.chainPem().getBytes(StandardCharsets.US_ASCII)),
          new ByteArrayInputStream(Pem.privateKey(identity.key()).getBytes(StandardCharsets.US_ASCII)));
      grpcTlsEndpoint = grpc(tls, admin, AdminTransport.GRPC_TLS);
      grpcPlaintextEndpoint = grpc(InsecureServerCredentials.create(), admin, AdminTransport.GRPC_PLAINTEXT);
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /** A gRPC server serving every {@link AdminApiVersion} of the Admin API. */
  private String grpc(ServerCredentials credentials, AdminBackend admin, AdminTransport transport)
      throws IOException {
    NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0), credentials);
    for (AdminApiVersion version : AdminApiVersion.values()) {
      builder.addService(AdminGrpcService.of(version, admin, transport));
    }
    Server server = builder.build().start();
    started.add(() -> {
      server.shutdownNow();
      server.awaitTermination(10, TimeUnit.SECONDS);
    });
    return "127.0.0.1:" + server.getPort();
  }

  private static SSLContext sslContext(ServerIdentity identity) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(identity.keyManagers().getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build the Admin API's TLS context", e);
    }
  }

  private static ExecutorService daemonPool(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public void close() {
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).close();
      } catch (Exception e) {
        LOG.log(Level.WARNING, "Admin API shutdown step failed: " + e);
      }
    }
    started.clear();
  }
}
