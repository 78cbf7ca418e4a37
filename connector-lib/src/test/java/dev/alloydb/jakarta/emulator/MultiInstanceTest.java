package dev.alloydb.jakarta.emulator;

import static com.google.cloud.alloydb.connectors.v1.MetadataExchangeRequest.AuthType.DB_NATIVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.alloydb.connectors.v1.MetadataExchangeResponse.ResponseCode;
import com.google.cloud.alloydb.v1alpha.ConnectionInfo;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import java.util.Properties;
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
            org.assertj.core.groups.Tuple.tuple(B, "PUBLIC"),
            org.assertj.core.groups.Tuple.tuple(B, "PSC"),
            org.assertj.core.groups.Tuple.tuple(A, "PRIVATE"));
    assertThat(emulator.counters().adminCalls(AdminRpc.GET_CONNECTION_INFO, B)).isPositive();
    assertThat(emulator.counters().adminCalls(AdminRpc.GET_CONNECTION_INFO, A)).isPositive();
    assertThat(emulator.counters().adminCalls(AdminRpc.GENERATE_CLIENT_CERTIFICATE, B)).isPositive();
    assertThat(emulator.counters().adminCalls(AdminRpc.GENERATE_CLIENT_CERTIFICATE, "projects/p-one/locations/"
        + "europe-west1/clusters/alpha")).isPositive();
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
      overridden.close();
      assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
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
