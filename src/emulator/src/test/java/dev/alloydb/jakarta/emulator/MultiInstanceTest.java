package dev.alloydb.jakarta.emulator;

import static com.google.cloud.alloydb.connectors.v1.MetadataExchangeRequest.AuthType.DB_NATIVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.google.cloud.alloydb.connectors.v1.MetadataExchangeResponse.ResponseCode;
import com.google.cloud.alloydb.v1alpha.ConnectionInfo;
import com.google.cloud.alloydb.v1alpha.GenerateClientCertificateResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.Socket;
import java.time.Duration;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Several clusters and instances in one emulator, several emulators on one machine, and the port override. */
class MultiInstanceTest {
  private static final String A = "projects/p-one/locations/europe-west1/clusters/alpha/instances/primary";
  private static final String B = "projects/google.com:p-two/locations/us-east1/clusters/beta/instances/replica";
  private static AlloyDbEmulator emulator;

  @BeforeAll
  static void start() throws IOException {
    emulator = AlloyDbEmulator.builder().instance(A).instance(B).start();
    GoogleConnectorConformanceTest.trustEmulatorAdminApi(emulator);
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void eachInstanceHasItsOwnAddressesAndUid() {
    EmulatedInstance a = emulator.instance(A);
    EmulatedInstance b = emulator.instance(B);
    assertThat(emulator.instances()).containsExactly(a, b);
    assertThat(a.privateAddress()).isNotEqualTo(b.privateAddress());
    assertThat(a.publicAddress()).isNotEqualTo(b.publicAddress()).isNotEqualTo(a.privateAddress());
    assertThat(a.pscDnsName()).isNotEqualTo(b.pscDnsName()).endsWith(".");
    assertThat(a.instanceUid()).isNotEqualTo(b.instanceUid());
    assertThat(a.proxyPort()).isEqualTo(b.proxyPort()).isEqualTo(AlloyDbEmulator.ALLOYDB_PROXY_PORT);
    // A second emulator on this machine (the shared one) uses other addresses.
    assertThat(AlloyDbEmulator.shared().instance().privateAddress())
        .isNotIn(a.privateAddress(), b.privateAddress());
  }

  @Test
  void googlesConnectorReachesEachInstanceAndIpType() throws Exception {
    for (String ipType : new String[] {"PUBLIC", "PSC"}) {
      Properties props = GoogleConnectorConformanceTest.googleProperties(emulator, emulator.instance(B), ipType);
      props.setProperty("user", emulator.passwordUser());
      props.setProperty("password", emulator.password());
      assertThat(GoogleConnectorConformanceTest.currentUser(props)).isEqualTo(emulator.passwordUser());
    }
    Properties props = GoogleConnectorConformanceTest.googleProperties(emulator, emulator.instance(A), "PRIVATE");
    props.setProperty("user", emulator.passwordUser());
    props.setProperty("password", emulator.password());
    assertThat(GoogleConnectorConformanceTest.currentUser(props)).isEqualTo(emulator.passwordUser());

    assertThat(emulator.counters().awaitProxyConnections(3, Duration.ofSeconds(30)))
        .extracting(ProxyConnection::instanceUri, ProxyConnection::ipType)
        .containsExactlyInAnyOrder(
            tuple(B, "PUBLIC"),
            tuple(B, "PSC"),
            tuple(A, "PRIVATE"));
    assertThat(emulator.counters().adminCalls(AdminRpc.GET_CONNECTION_INFO, B)).isPositive();
    assertThat(emulator.counters().adminCalls(AdminRpc.GET_CONNECTION_INFO, A)).isPositive();
    assertThat(emulator.counters().adminCalls(AdminRpc.GENERATE_CLIENT_CERTIFICATE, B)).isPositive();
    assertThat(emulator.counters().adminCalls(AdminRpc.GENERATE_CLIENT_CERTIFICATE, "projects/p-one/locations/"
        + "europe-west1/clusters/alpha")).isPositive();
  }

  @Test
  void eachClusterHasItsOwnCa() throws Exception {
    EmulatedInstance a = emulator.instance(A);
    EmulatedInstance b = emulator.instance(B);
    try (TestClient client = new TestClient(emulator)) {
      GenerateClientCertificateResponse fromA = client.certificate(a);
      GenerateClientCertificateResponse fromB = client.certificate(b);
      assertThat(fromA.getCaCert()).isNotEqualTo(fromB.getCaCert());
      emulator.counters().reset();
      // A's certificate, presented to B while trusting B's CA: B's proxy refuses it.
      SSLContext mixed = client.tls(
          fromA.getPemCertificateChainList().stream().map(Pem::parseCertificate).toList(), fromB.getCaCert(),
          "TLSv1.3");
      assertThatThrownBy(() -> {
        try (SSLSocket s = client.open(mixed, b)) {
          TestClient.exchange(s, DB_NATIVE, client.token(TestClient.LOGIN));
        }
      }).isInstanceOf(IOException.class);
      ProxyConnection refused = emulator.counters().awaitProxyConnections(1, Duration.ofSeconds(30)).get(0);
      assertThat(refused.instanceUri()).isEqualTo(B);
      assertThat(refused.outcome()).isEqualTo(ProxyConnection.Outcome.REFUSED_TLS);
    }
  }

  @Test
  void portOverrideServesEveryIpTypeOnOneLoopbackPort() throws Exception {
    try (AlloyDbEmulator overridden = AlloyDbEmulator.builder().instance(A).instance(B).proxyPort(0).start();
        TestClient client = new TestClient(overridden)) {
      for (EmulatedInstance i : overridden.instances()) {
        assertThat(i.privateAddress()).isEqualTo("127.0.0.1");
        assertThat(i.pscDnsName()).isEqualTo("localhost.");
        assertThat(i.proxyPort()).isNotEqualTo(AlloyDbEmulator.ALLOYDB_PROXY_PORT);
        ConnectionInfo info = client.admin.getConnectionInfo(i.uri());
        assertThat(info.getIpAddress()).isEqualTo("127.0.0.1");
        for (String host : new String[] {i.privateAddress(), i.pscHost()}) {
          try (SSLSocket s = client.open(client.tls(client.certificate(i)), host, i.proxyPort())) {
            assertThat(TestClient.exchange(s, DB_NATIVE, client.token(TestClient.LOGIN)).getResponseCode())
                .isEqualTo(ResponseCode.OK);
          }
        }
      }
      assertThat(overridden.counters().awaitProxyConnections(4, Duration.ofSeconds(30)))
          .extracting(ProxyConnection::ipType).containsOnly("ALL");
      int port = overridden.instance().proxyPort();
      int grpcPort = Integer.parseInt(overridden.adminApiGrpcPlaintextEndpoint().split(":")[1]);
      int restPort = URI.create(overridden.adminApiRestEndpoint()).getPort();
      overridden.close();
      for (int closed : new int[] {port, grpcPort, restPort}) {
        assertThatThrownBy(() -> new Socket("127.0.0.1", closed).close()).isInstanceOf(ConnectException.class);
      }
      assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
          .noneMatch(name -> name.endsWith(":" + port));
      assertThat(overridden.credentialsFile()).doesNotExist();
    }
  }

  @Test
  void builderRejectsBadInstanceUris() {
    assertThatThrownBy(() -> AlloyDbEmulator.builder().instance("projects/p/instances/i"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("projects/<PROJECT>/locations/<REGION>/clusters/<CLUSTER>/instances/<INSTANCE>");
    assertThatThrownBy(() -> AlloyDbEmulator.builder().instance(A).instance(A))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    assertThatThrownBy(() -> AlloyDbEmulator.builder().proxyPort(70000))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0..65535");
  }
}
