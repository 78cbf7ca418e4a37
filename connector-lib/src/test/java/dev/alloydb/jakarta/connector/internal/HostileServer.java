package dev.alloydb.jakarta.connector.internal;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/** A misbehaving server-side proxy on 127.0.0.1, for one test case. Its accept thread is named "fixture-...". */
final class HostileServer implements AutoCloseable {
  enum Mode {
    /** Accepts TCP and never sends a byte. */
    SILENT,
    /** TLS 1.2 only. */
    TLS12_ONLY,
    /** TLS 1.3 with a certificate from a CA the connector does not trust. */
    FOREIGN_CA,
    /** TLS 1.3, trusted CA, but the certificate names another address. */
    WRONG_ADDRESS,
    /** Completes TLS, then answers the exchange with a PostgreSQL ErrorResponse ('E...' as a huge length). */
    GARBAGE_LENGTH,
    /** Completes TLS and the exchange read, then closes. */
    CLOSE_AFTER_REQUEST
  }

  private final ServerSocket server;
  private final Thread acceptor;
  private final List<Socket> accepted = new CopyOnWriteArrayList<>();
  private final Mode mode;

  HostileServer(Mode mode, TestCa trustedCa) throws Exception {
    this.mode = mode;
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    if (mode == Mode.SILENT) {
      server = new ServerSocket();
    } else {
      TestCa signer = mode == Mode.FOREIGN_CA ? TestCa.create("foreign-ca") : trustedCa;
      KeyPair key = TestCa.rsa();
      String san = mode == Mode.WRONG_ADDRESS ? "10.99.99.99" : "127.0.0.1";
      X509Certificate cert = signer.issue(key.getPublic(), "hostile", List.of(san), Duration.ofHours(1));
      SSLContext context = context(key, cert, signer.certificate, trustedCa.certificate);
      SSLServerSocket tls = (SSLServerSocket) context.getServerSocketFactory().createServerSocket();
      tls.setEnabledProtocols(new String[] {mode == Mode.TLS12_ONLY ? "TLSv1.2" : "TLSv1.3"});
      tls.setWantClientAuth(true);
      server = tls;
    }
    server.bind(new InetSocketAddress(loopback, 0));
    acceptor = new Thread(this::acceptLoop, "fixture-" + mode);
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private static SSLContext context(KeyPair key, X509Certificate cert, X509Certificate issuer,
      X509Certificate clientCa) throws Exception {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry("server", key.getPrivate(), new char[0], new X509Certificate[] {cert, issuer});
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, new char[0]);
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", clientCa);
    TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
    tmf.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    return context;
  }

  int port() {
    return server.getLocalPort();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        accepted.add(socket);
        serve(socket);
      } catch (IOException e) {
        // closed by the test, or the client gave up: either way nothing to serve
      }
    }
  }

  private void serve(Socket socket) throws IOException {
    switch (mode) {
      case GARBAGE_LENGTH:
        ((SSLSocket) socket).startHandshake();
        readRequest(socket);
        OutputStream out = socket.getOutputStream();
        out.write(new byte[] {'E', 0, 0, 0, 'S', 'F', 'A', 'T', 'A', 'L'});
        out.flush();
        break;
      case CLOSE_AFTER_REQUEST:
        ((SSLSocket) socket).startHandshake();
        readRequest(socket);
        socket.close();
        break;
      case TLS12_ONLY:
      case FOREIGN_CA:
      case WRONG_ADDRESS:
        ((SSLSocket) socket).startHandshake();
        break;
      default:
        break;
    }
  }

  private static void readRequest(Socket socket) throws IOException {
    DataInputStream in = new DataInputStream(socket.getInputStream());
    in.readFully(new byte[in.readInt()]);
  }

  @Override
  public void close() throws Exception {
    server.close();
    for (Socket socket : accepted) {
      socket.close();
    }
    acceptor.join(10_000);
  }
}
