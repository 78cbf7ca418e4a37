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
    CLOSE_AFTER_REQUEST,
    /** Completes TLS and answers the exchange with OK, then never sends another byte (a stalled login). */
    EXCHANGE_OK,
    /** Accepts TCP, then sends a TLS record header announcing 16 KiB and drips its body, one byte per 200 ms. */
    DRIP_HANDSHAKE,
    /** Completes TLS, reads the exchange, announces a 1000-byte response and drips it, one byte per 200 ms. */
    DRIP_EXCHANGE
  }

  private static final long DRIP_MILLIS = 200;

  private final ServerSocket server;
  private final Thread acceptor;
  private final List<Socket> accepted = new CopyOnWriteArrayList<>();
  private final Mode mode;
  private final java.util.concurrent.atomic.AtomicInteger dripsCut = new java.util.concurrent.atomic.AtomicInteger();

  HostileServer(Mode mode, TestCa trustedCa) throws Exception {
    this(mode, trustedCa, "127.0.0.1", 0);
  }

  /** A server on {@code address:port} (port 0: any free port) whose certificate names {@code address}. */
  HostileServer(Mode mode, TestCa trustedCa, String address, int port) throws Exception {
    this.mode = mode;
    InetAddress loopback = InetAddress.getByName(address);
    if (mode == Mode.SILENT || mode == Mode.DRIP_HANDSHAKE) {
      server = new ServerSocket();
    } else {
      TestCa signer = mode == Mode.FOREIGN_CA ? TestCa.create("foreign-ca") : trustedCa;
      KeyPair key = TestCa.rsa();
      String san = mode == Mode.WRONG_ADDRESS ? "10.99.99.99" : address;
      X509Certificate cert = signer.issue(key.getPublic(), "hostile", List.of(san), Duration.ofHours(1));
      SSLContext context = context(key, cert, signer.certificate, trustedCa.certificate);
      SSLServerSocket tls = (SSLServerSocket) context.getServerSocketFactory().createServerSocket();
      tls.setEnabledProtocols(new String[] {mode == Mode.TLS12_ONLY ? "TLSv1.2" : "TLSv1.3"});
      tls.setWantClientAuth(true);
      server = tls;
    }
    server.bind(new InetSocketAddress(loopback, port));
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

  /** Drips that ended because the client closed the connection. */
  int dripsCut() {
    return dripsCut.get();
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
      case EXCHANGE_OK:
        ((SSLSocket) socket).startHandshake();
        readRequest(socket);
        byte[] ok = com.google.cloud.alloydb.connectors.v1.MetadataExchangeResponse.newBuilder()
            .setResponseCode(com.google.cloud.alloydb.connectors.v1.MetadataExchangeResponse.ResponseCode.OK)
            .build().toByteArray();
        socket.getOutputStream().write(java.nio.ByteBuffer.allocate(4 + ok.length).putInt(ok.length).put(ok).array());
        socket.getOutputStream().flush();
        break;
      case DRIP_HANDSHAKE:
        drip(socket, new byte[] {0x16, 0x03, 0x03, 0x40, 0x00});
        break;
      case DRIP_EXCHANGE:
        ((SSLSocket) socket).startHandshake();
        readRequest(socket);
        drip(socket, new byte[] {0, 0, 0x03, (byte) 0xe8});
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

  /** Sends {@code header}, then one byte per 200 ms until the client closes the connection. */
  private void drip(Socket socket, byte[] header) {
    try {
      OutputStream out = socket.getOutputStream();
      out.write(header);
      out.flush();
      while (!server.isClosed()) {
        Thread.sleep(DRIP_MILLIS);
        out.write(1);
        out.flush();
      }
    } catch (IOException e) {
      dripsCut.incrementAndGet();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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
