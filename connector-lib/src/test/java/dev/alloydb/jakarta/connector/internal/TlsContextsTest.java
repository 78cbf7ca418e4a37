package dev.alloydb.jakarta.connector.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alloydb.jakarta.testkit.tls.TestCa;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

class TlsContextsTest {

  private static final int CONNECTIONS = 3 * TlsContexts.CLIENT_SESSION_CACHE_SIZE;

  /**
   * Every full TLS 1.3 handshake leaves a resumable session in the client's cache. Against a server that does not
   * resume them (here: a new server context, so new ticket keys, for every connection), a pool that replaces its
   * connections makes thousands between two certificate refreshes, and the JDK's default cache would keep 20,480.
   */
  @Test
  void theClientKeepsAFewSessionsHoweverManyConnectionsItMakes() throws Exception {
    TestCa ca = TestCa.create("session-cache-ca");
    KeyPair serverKey = TestCa.rsa();
    KeyPair clientKey = TestCa.rsa();
    List<X509Certificate> serverChain =
        List.of(ca.issue(serverKey.getPublic(), "server", List.of("127.0.0.1"), Duration.ofHours(1)));
    SSLContext client = TlsContexts.build(clientKey,
        List.of(ca.issue(clientKey.getPublic(), "client", List.of(), Duration.ofHours(1))), ca.certificate());

    try (ServerSocket listener = new ServerSocket(0, CONNECTIONS, InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> answerOneByteEach(listener, serverKey, serverChain, ca.certificate()),
          "tls-test-server");
      acceptor.setDaemon(true);
      acceptor.start();
      for (int i = 0; i < CONNECTIONS; i++) {
        try (SSLSocket socket = (SSLSocket) client.getSocketFactory()
            .createSocket(InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
          // Reading processes the server's NewSessionTicket, which is what fills the cache.
          assertThat(socket.getInputStream().read()).isEqualTo(1);
        }
      }
    }

    assertThat(Collections.list(client.getClientSessionContext().getIds()))
        .as("client sessions cached after %d connections", CONNECTIONS)
        .isNotEmpty()
        .hasSizeLessThanOrEqualTo(TlsContexts.CLIENT_SESSION_CACHE_SIZE);
  }

  private static void answerOneByteEach(ServerSocket listener, KeyPair key, List<X509Certificate> chain,
      X509Certificate ca) {
    for (int i = 0; i < CONNECTIONS; i++) {
      try (Socket tcp = listener.accept()) {
        SSLSocket socket = (SSLSocket) TlsContexts.build(key, chain, ca).getSocketFactory()
            .createSocket(tcp, null, tcp.getPort(), true);
        socket.setUseClientMode(false);
        socket.setNeedClientAuth(true);
        OutputStream out = socket.getOutputStream();
        out.write(1);
        out.flush();
        socket.getInputStream().read();
        socket.close();
      } catch (IOException | GeneralSecurityException e) {
        return;
      }
    }
  }
}
