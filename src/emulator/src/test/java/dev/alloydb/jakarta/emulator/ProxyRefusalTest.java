package dev.alloydb.jakarta.emulator;

import static com.google.cloud.alloydb.connectors.v1.MetadataExchangeRequest.AuthType.AUTO_IAM;
import static com.google.cloud.alloydb.connectors.v1.MetadataExchangeRequest.AuthType.DB_NATIVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.alloydb.connectors.v1.MetadataExchangeResponse;
import com.google.cloud.alloydb.connectors.v1.MetadataExchangeResponse.ResponseCode;
import com.google.cloud.alloydb.v1alpha.GenerateClientCertificateResponse;
import dev.alloydb.jakarta.emulator.ProxyConnection.Outcome;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The proxy refuses what AlloyDB refuses, and says why in the counters. */
@AlloyDbEmulatorTest
class ProxyRefusalTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static AlloyDbEmulator emulator;
  private static TestClient client;
  private static EmulatedInstance instance;

  @BeforeAll
  static void start() throws IOException {
    emulator = AlloyDbEmulator.shared();
    instance = emulator.instance();
    client = new TestClient(emulator);
  }

  @AfterAll
  static void stop() {
    client.close();
  }

  @Test
  void acceptsAWellBehavedClient() throws Exception {
    try (SSLSocket s = client.open(client.tls(client.certificate(instance)), instance)) {
      assertThat(TestClient.exchange(s, DB_NATIVE, client.token(TestClient.LOGIN)).getResponseCode())
          .isEqualTo(ResponseCode.OK);
      // 'R': PostgreSQL asks the password user for its SCRAM password: the relay reached PostgreSQL.
      assertThat(TestClient.startup(s, emulator.passwordUser(), emulator.database())).isEqualTo('R');
    }
    assertThat(only().outcome()).isEqualTo(Outcome.ACCEPTED);
  }

  @Test
  void refusesAClientWithoutCertificate() throws Exception {
    GenerateClientCertificateResponse cert = client.certificate(instance);
    SSLContext noCert = client.tls(List.of(), cert.getCaCert(), "TLSv1.3");

    assertThatThrownBy(() -> {
      try (SSLSocket s = client.open(noCert, instance)) {
        TestClient.exchange(s, DB_NATIVE, client.token(TestClient.LOGIN));
      }
    }).isInstanceOf(IOException.class);
    assertThat(only().outcome()).isEqualTo(Outcome.REFUSED_TLS);
  }

  @Test
  void refusesACertificateFromAnotherCa() throws Exception {
    GenerateClientCertificateResponse cert = client.certificate(instance);
    CertificateAuthority other = CertificateAuthority.create("other");
    Instant now = Instant.now();
    SSLContext foreign = client.tls(
        List.of(other.issueClient(client.key.getPublic(), now.minusSeconds(60), now.plusSeconds(3600)),
            other.intermediate(), other.root()),
        cert.getCaCert(), "TLSv1.3");

    assertThatThrownBy(() -> {
      try (SSLSocket s = client.open(foreign, instance)) {
        TestClient.exchange(s, DB_NATIVE, client.token(TestClient.LOGIN));
      }
    }).isInstanceOf(IOException.class);
    assertThat(only().outcome()).isEqualTo(Outcome.REFUSED_TLS);
  }

  @Test
  void refusesAnExpiredCertificate() throws Exception {
    emulator.faults().clientCertificateLifetime(Duration.ofMinutes(-1));
    GenerateClientCertificateResponse cert = client.certificate(instance);
    assertThat(Pem.parseCertificate(cert.getPemCertificateChain(0)).getNotAfter().toInstant())
        .isBefore(Instant.now());

    assertThatThrownBy(() -> {
      try (SSLSocket s = client.open(client.tls(cert), instance)) {
        TestClient.exchange(s, DB_NATIVE, client.token(TestClient.LOGIN));
      }
    }).isInstanceOf(IOException.class);
    ProxyConnection c = only();
    assertThat(c.outcome()).isEqualTo(Outcome.REFUSED_TLS);
  }

  @Test
  void refusesTls12() throws Exception {
    GenerateClientCertificateResponse cert = client.certificate(instance);
    SSLContext tls12 = client.tls(cert.getPemCertificateChainList().stream().map(Pem::parseCertificate).toList(),
        cert.getCaCert(), "TLSv1.2");

    assertThatThrownBy(() -> client.open(tls12, instance.privateAddress(), instance.proxyPort(), "TLSv1.2"))
        .isInstanceOf(SSLHandshakeException.class);
    assertThat(only().outcome()).isEqualTo(Outcome.REFUSED_TLS);
  }

  @Test
  void refusesATokenItDidNotIssue() throws Exception {
    try (SSLSocket s = client.open(client.tls(client.certificate(instance)), instance)) {
      MetadataExchangeResponse r = TestClient.exchange(s, DB_NATIVE, "ya29.not-from-this-emulator");
      assertThat(r.getResponseCode()).isEqualTo(ResponseCode.ERROR);
      assertThat(r.getError()).contains("not issued by this AlloyDB emulator");
    }
    assertThat(only().outcome()).isEqualTo(Outcome.REFUSED_EXCHANGE);
  }

  @Test
  void refusesAutoIamForAnotherUser() throws Exception {
    try (SSLSocket s = client.open(client.tls(client.certificate(instance)), instance)) {
      assertThat(TestClient.exchange(s, AUTO_IAM, client.token(TestClient.LOGIN)).getResponseCode())
          .isEqualTo(ResponseCode.OK);
      assertThat(TestClient.startup(s, emulator.passwordUser(), emulator.database())).isEqualTo('E');
      assertThat(TestClient.errorCode(s)).isEqualTo("28000");
    }
    ProxyConnection c = only();
    assertThat(c.outcome()).isEqualTo(Outcome.REFUSED_LOGIN);
    assertThat(c.authType()).isEqualTo(AUTO_IAM);
    assertThat(c.databaseUser()).isEqualTo(emulator.passwordUser());
  }

  @Test
  void refusesAnOversizedLengthPrefixWithoutReadingIt() throws Exception {
    try (SSLSocket s = client.open(client.tls(client.certificate(instance)), instance)) {
      // 0x45000000: what a client reads when a server answers with a PostgreSQL 'E' packet (AlloyDB proxy #504).
      DataOutputStream out = new DataOutputStream(s.getOutputStream());
      out.writeInt(0x45000000);
      out.flush();
      MetadataExchangeResponse r = TestClient.readExchange(s);
      assertThat(r.getResponseCode()).isEqualTo(ResponseCode.ERROR);
      assertThat(r.getError()).contains("exceeds the limit");
      assertThat(s.getInputStream().read()).isEqualTo(-1);
    }
    assertThat(only().outcome()).isEqualTo(Outcome.REFUSED_EXCHANGE);
  }

  private static ProxyConnection only() throws InterruptedException {
    List<ProxyConnection> seen = emulator.counters().awaitProxyConnections(1, WAIT);
    assertThat(seen).hasSize(1);
    assertThat(seen.get(0).instanceUri()).isEqualTo(instance.uri());
    return seen.get(0);
  }
}
