package dev.alloydb.jakarta.testkit.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataOutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/** The hostile server answers as its reply says, counts what it saw, and the silent one never speaks. */
class HostileServerTest {

  @Test
  void tlsServerReadsTheRequestAnswersAndCountsIt() throws Exception {
    TestCa ca = TestCa.create("hostile-server-test");
    try (HostileServer server = new HostileServer("127.0.0.1", ca.issue("server", "127.0.0.1").serverContext("TLS"),
        new String[] {"TLSv1.3"}, socket -> socket.getOutputStream().write('N'))) {
      try (SSLSocket client = (SSLSocket) trusting(ca).getSocketFactory().createSocket("127.0.0.1", server.port())) {
        client.setSoTimeout(10_000);
        DataOutputStream out = new DataOutputStream(client.getOutputStream());
        out.writeInt(3);
        out.write(new byte[] {1, 2, 3});
        out.flush();
        assertThat(client.getInputStream().read()).isEqualTo('N');
      }
      assertThat(server.accepted()).isEqualTo(1);
      assertThat(server.handshakes()).isEqualTo(1);
      assertThat(server.applicationBytes()).isEqualTo(7);
    }
  }

  @Test
  void silentServerAcceptsAndNeverSends() throws Exception {
    try (HostileServer server = HostileServer.silent(); Socket client = new Socket("127.0.0.1", server.port())) {
      client.setSoTimeout(300);
      assertThatThrownBy(() -> client.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
      assertThat(server.accepted()).isEqualTo(1);
      assertThat(server.handshakes()).isZero();
    }
  }

  private static SSLContext trusting(TestCa ca) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", ca.certificate());
    TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
    tmf.init(trust);
    SSLContext context = SSLContext.getInstance("TLSv1.3");
    context.init(null, tmf.getTrustManagers(), null);
    return context;
  }
}
