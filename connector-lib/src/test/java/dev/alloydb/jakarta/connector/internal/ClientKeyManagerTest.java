package dev.alloydb.jakarta.connector.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alloydb.jakarta.testkit.tls.TestCa;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.KeyPair;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/** The key material of a TLS context without a key store: the whole chain, offered only for the key's algorithm. */
class ClientKeyManagerTest {

  @Test
  void aServerThatRequiresClientAuthReceivesTheWholeClientChain() throws Exception {
    TestCa ca = TestCa.create("key-manager-ca");
    KeyPair serverKey = TestCa.rsa();
    KeyPair clientKey = TestCa.rsa();
    List<X509Certificate> clientChain = List.of(
        ca.issue(clientKey.getPublic(), "client", List.of(), Duration.ofHours(1)), ca.certificate());
    SSLContext server = TlsContexts.build(serverKey,
        List.of(ca.issue(serverKey.getPublic(), "server", List.of("127.0.0.1"), Duration.ofHours(1))),
        ca.certificate());
    SSLContext client = TlsContexts.build(clientKey, clientChain, ca.certificate());

    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Certificate[]> seen = CompletableFuture.supplyAsync(() -> {
        try (Socket tcp = listener.accept();
            SSLSocket tls = (SSLSocket) server.getSocketFactory().createSocket(tcp, null, tcp.getPort(), true)) {
          tls.setUseClientMode(false);
          tls.setNeedClientAuth(true);
          tls.startHandshake();
          return tls.getSession().getPeerCertificates();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      try (SSLSocket socket = (SSLSocket) client.getSocketFactory()
          .createSocket(InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
        socket.startHandshake();
        assertThat(seen.get(30, TimeUnit.SECONDS)).containsExactlyElementsOf(clientChain);
      }
    }
  }

  @Test
  void offersTheKeyOnlyForItsOwnAlgorithm() throws Exception {
    TestCa ca = TestCa.create("key-manager-ca");
    KeyPair key = TestCa.rsa();
    X509Certificate leaf = ca.issue(key.getPublic(), "client", List.of(), Duration.ofHours(1));
    ClientKeyManager manager = new ClientKeyManager(key.getPrivate(), List.of(leaf));

    assertThat(manager.chooseClientAlias(new String[] {"EC", "RSA"}, null, null)).isEqualTo(ClientKeyManager.ALIAS);
    assertThat(manager.chooseEngineClientAlias(new String[] {"RSA"}, null, null)).isEqualTo(ClientKeyManager.ALIAS);
    assertThat(manager.chooseClientAlias(new String[] {"EC"}, null, null)).isNull();
    assertThat(manager.getClientAliases("EC", null)).isNull();
    assertThat(manager.getPrivateKey(ClientKeyManager.ALIAS)).isSameAs(key.getPrivate());
    assertThat(manager.getCertificateChain(ClientKeyManager.ALIAS)).containsExactly(leaf);
    assertThat(manager.getPrivateKey("other")).isNull();
    assertThat(manager.getCertificateChain("other")).isNull();
  }
}
