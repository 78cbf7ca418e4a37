package dev.alloydb.jakarta.emulator;

import static com.google.cloud.alloydb.connectors.v1.MetadataExchangeRequest.AuthType.DB_NATIVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.alloydb.connectors.v1.MetadataExchangeResponse;
import com.google.cloud.alloydb.connectors.v1.MetadataExchangeResponse.ResponseCode;
import com.google.cloud.alloydb.v1alpha.AlloyDBAdminGrpc;
import com.google.cloud.alloydb.v1alpha.GenerateClientCertificateRequest;
import com.google.cloud.alloydb.v1alpha.GenerateClientCertificateResponse;
import com.google.cloud.alloydb.v1alpha.GetConnectionInfoRequest;
import dev.alloydb.jakarta.emulator.ProxyConnection.Outcome;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each fault knob, switched on a running emulator, has the effect it promises, and reset() undoes it. */
class FaultsTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static AlloyDbEmulator emulator;
  private static TestClient client;
  private static EmulatedInstance instance;
  private static ManagedChannel channel;
  private static String apiToken;

  @BeforeAll
  static void start() throws IOException {
    emulator = AlloyDbEmulator.shared();
    instance = emulator.instance();
    client = new TestClient(emulator);
    channel = NettyChannelBuilder.forTarget(emulator.adminApiGrpcPlaintextEndpoint()).usePlaintext().build();
    apiToken = client.token(TestClient.CLOUD_PLATFORM);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    client.close();
    channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
  }

  @BeforeEach
  @AfterEach
  void clean() {
    emulator.faults().reset();
    emulator.counters().reset();
  }

  @Test
  void adminErrorForAllRpcsAndPerRpc() throws Exception {
    emulator.faults().adminError(Status.Code.UNAVAILABLE);
    assertThat(grpcCode(this::getInfo)).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(grpcCode(this::generate)).isEqualTo(Status.Code.UNAVAILABLE);
    AdminApiTest.assertError(AdminApiTest.rest("GET", emulator.adminApiRestEndpoint(),
        "/v1alpha/" + instance.uri() + "/connectionInfo", apiToken, ""),
        503, "UNAVAILABLE");

    emulator.faults().adminError(AdminRpc.GENERATE_CLIENT_CERTIFICATE, Status.Code.PERMISSION_DENIED);
    assertThat(grpcCode(this::generate)).isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(grpcCode(this::getInfo)).isEqualTo(Status.Code.UNAVAILABLE);

    emulator.faults().adminError((Status.Code) null);
    emulator.faults().adminError(AdminRpc.GET_CONNECTION_INFO, Status.Code.NOT_FOUND);
    assertThat(grpcCode(this::getInfo)).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(grpcCode(this::generate)).isEqualTo(Status.Code.PERMISSION_DENIED);

    emulator.faults().reset();
    assertThat(grpcCode(this::getInfo)).isEqualTo(Status.Code.OK);
    assertThat(grpcCode(this::generate)).isEqualTo(Status.Code.OK);
    assertThat(emulator.counters().adminCallLog()).extracting(AdminCall::status).containsExactly(
        Status.Code.UNAVAILABLE, Status.Code.UNAVAILABLE, Status.Code.UNAVAILABLE,
        Status.Code.PERMISSION_DENIED, Status.Code.UNAVAILABLE,
        Status.Code.NOT_FOUND, Status.Code.PERMISSION_DENIED,
        Status.Code.OK, Status.Code.OK);
  }

  @Test
  void adminLatencyDelaysEveryAnswer() throws Exception {
    emulator.faults().adminLatency(Duration.ofSeconds(2));
    AlloyDBAdminGrpc.AlloyDBAdminBlockingStub stub = stub();
    assertThatThrownBy(() -> stub.withDeadlineAfter(200, TimeUnit.MILLISECONDS)
            .getConnectionInfo(GetConnectionInfoRequest.newBuilder().setParent(instance.uri()).build()))
        .isInstanceOfSatisfying(StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED));

    long started = System.nanoTime();
    stub.getConnectionInfo(GetConnectionInfoRequest.newBuilder().setParent(instance.uri()).build());
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void clientCertificateLifetimeOverridesTheRequest() throws Exception {
    Instant before = Instant.now();
    assertThat(notAfter(generate(Duration.ofHours(48))))
        .isBetween(before.plus(Duration.ofHours(24)).minusSeconds(5), Instant.now().plus(Duration.ofHours(24)));
    assertThat(notAfter(generate(null)))
        .isBetween(before.plus(Duration.ofHours(1)).minusSeconds(5), Instant.now().plus(Duration.ofHours(1)));

    emulator.faults().clientCertificateLifetime(Duration.ofMinutes(5));
    Instant forcedFrom = Instant.now();
    assertThat(notAfter(generate(Duration.ofHours(1))))
        .isBetween(forcedFrom.plus(Duration.ofMinutes(5)).minusSeconds(5), Instant.now().plus(Duration.ofMinutes(5)));
  }

  @Test
  void rotateCaInvalidatesEarlierCertificates() throws Exception {
    GenerateClientCertificateResponse old = client.certificate(instance);
    emulator.faults().rotateCa();
    GenerateClientCertificateResponse fresh = client.certificate(instance);
    assertThat(fresh.getCaCert()).isNotEqualTo(old.getCaCert());

    // The server no longer trusts a client certificate from the old CA...
    SSLContext oldCertNewTrust = client.tls(
        old.getPemCertificateChainList().stream().map(Pem::parseCertificate).toList(), fresh.getCaCert(), "TLSv1.3");
    assertThatThrownBy(() -> {
      try (SSLSocket s = client.open(oldCertNewTrust, instance)) {
        TestClient.exchange(s, DB_NATIVE, client.token(TestClient.LOGIN));
      }
    }).isInstanceOf(IOException.class);
    ProxyConnection refused = emulator.counters().awaitProxyConnections(1, WAIT).get(0);
    assertThat(refused.outcome()).isEqualTo(Outcome.REFUSED_TLS);
    // ...and a client holding the old CA no longer trusts the server.
    assertThatThrownBy(() -> client.open(client.tls(old), instance).close()).isInstanceOf(IOException.class);

    try (SSLSocket s = client.open(client.tls(fresh), instance)) {
      assertThat(TestClient.exchange(s, DB_NATIVE, client.token(TestClient.LOGIN)).getResponseCode())
          .isEqualTo(ResponseCode.OK);
    }
  }

  @Test
  void proxyRefuseConnectionsResetsTcp() throws Exception {
    SSLContext tls = client.tls(client.certificate(instance));
    emulator.faults().proxyRefuseConnections(true);
    assertThatThrownBy(() -> client.open(tls, instance).close()).isInstanceOf(IOException.class);
    assertThat(emulator.counters().awaitProxyConnections(1, WAIT).get(0).outcome()).isEqualTo(Outcome.FAULT);

    emulator.faults().proxyRefuseConnections(false);
    client.open(tls, instance).close();
  }

  @Test
  void proxyCloseAfterHandshakeEndsTheStreamBeforeTheExchange() throws Exception {
    emulator.faults().proxyCloseAfterHandshake(true);
    try (SSLSocket s = client.open(client.tls(client.certificate(instance)), instance)) {
      TestClient.sendExchange(s, DB_NATIVE, client.token(TestClient.LOGIN));
      assertThatThrownBy(() -> TestClient.readExchange(s)).isInstanceOf(IOException.class);
    }
    ProxyConnection c = emulator.counters().awaitProxyConnections(1, WAIT).get(0);
    assertThat(c.outcome()).isEqualTo(Outcome.FAULT);
    assertThat(c.detail()).contains("after the TLS handshake");
  }

  @Test
  void proxyExchangeErrorAnswersWithTheMessage() throws Exception {
    emulator.faults().proxyExchangeError("instance is under maintenance");
    try (SSLSocket s = client.open(client.tls(client.certificate(instance)), instance)) {
      MetadataExchangeResponse r = TestClient.exchange(s, DB_NATIVE, client.token(TestClient.LOGIN));
      assertThat(r.getResponseCode()).isEqualTo(ResponseCode.ERROR);
      assertThat(r.getError()).isEqualTo("instance is under maintenance");
    }
    assertThat(emulator.counters().awaitProxyConnections(1, WAIT).get(0).outcome()).isEqualTo(Outcome.FAULT);
  }

  @Test
  void proxyStallHoldsTheExchangeUntilSwitchedOff() throws Exception {
    emulator.faults().proxyStall(true);
    try (SSLSocket s = client.open(client.tls(client.certificate(instance)), instance)) {
      TestClient.sendExchange(s, DB_NATIVE, client.token(TestClient.LOGIN));
      assertThat(emulator.counters().awaitProxyConnections(1, WAIT).get(0).outcome()).isEqualTo(Outcome.FAULT);
      s.setSoTimeout(500);
      assertThatThrownBy(() -> s.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
      emulator.faults().proxyStall(false);
      s.setSoTimeout(30_000);
      assertThat(s.getInputStream().read()).isEqualTo(-1);
    }
  }

  @Test
  void accessTokenLifetimeIssuesTokensTheProxyRejectsOnceExpired() throws Exception {
    emulator.faults().accessTokenLifetime(Duration.ZERO);
    String expired = client.token(TestClient.LOGIN);
    try (SSLSocket s = client.open(client.tls(client.certificate(instance)), instance)) {
      MetadataExchangeResponse r = TestClient.exchange(s, DB_NATIVE, expired);
      assertThat(r.getResponseCode()).isEqualTo(ResponseCode.ERROR);
      assertThat(r.getError()).contains("expired");
    }
    assertThat(emulator.counters().awaitProxyConnections(1, WAIT).get(0).outcome())
        .isEqualTo(Outcome.REFUSED_EXCHANGE);
  }

  @Test
  void countersTrackTokensByScopeAndCallsByInstance() throws Exception {
    client.token(TestClient.LOGIN);
    client.token(TestClient.LOGIN);
    client.token(TestClient.CLOUD_PLATFORM);
    getInfo();
    getInfo();
    generate();
    assertThat(emulator.counters().tokensIssued(TestClient.LOGIN)).isEqualTo(2);
    assertThat(emulator.counters().tokensIssued(TestClient.CLOUD_PLATFORM)).isEqualTo(1);
    assertThat(emulator.counters().tokensIssued()).isEqualTo(3);
    assertThat(emulator.counters().adminCalls(AdminRpc.GET_CONNECTION_INFO, instance.uri())).isEqualTo(2);
    assertThat(emulator.counters().adminCalls(AdminRpc.GENERATE_CLIENT_CERTIFICATE, instance.clusterName()))
        .isEqualTo(1);
    assertThat(emulator.counters().adminCalls(AdminRpc.GET_CONNECTION_INFO)).isEqualTo(2);

    emulator.counters().reset();
    assertThat(emulator.counters().tokensIssued()).isZero();
    assertThat(emulator.counters().adminCallLog()).isEmpty();
  }

  @Test
  void knobsRejectNonsense() {
    assertThatThrownBy(() -> emulator.faults().adminError(Status.Code.OK))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null to clear");
    assertThatThrownBy(() -> emulator.faults().adminLatency(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("adminLatency");
  }

  private AlloyDBAdminGrpc.AlloyDBAdminBlockingStub stub() {
    return AlloyDBAdminGrpc.newBlockingStub(channel).withInterceptors(AdminApiTest.bearer(apiToken));
  }

  private Object getInfo() {
    return stub().getConnectionInfo(GetConnectionInfoRequest.newBuilder().setParent(instance.uri()).build());
  }

  private Object generate() {
    return generate(Duration.ofHours(1));
  }

  private GenerateClientCertificateResponse generate(Duration duration) {
    GenerateClientCertificateRequest.Builder r = GenerateClientCertificateRequest.newBuilder()
        .setParent(instance.clusterName())
        .setPublicKey(Pem.encode("PUBLIC KEY", client.key.getPublic().getEncoded()));
    if (duration != null) {
      r.setCertDuration(com.google.protobuf.Duration.newBuilder().setSeconds(duration.toSeconds()));
    }
    return stub().generateClientCertificate(r.build());
  }

  private static Instant notAfter(GenerateClientCertificateResponse r) {
    X509Certificate leaf = Pem.parseCertificate(r.getPemCertificateChain(0));
    return leaf.getNotAfter().toInstant();
  }

  interface Call {
    Object run() throws Exception;
  }

  private static Status.Code grpcCode(Call call) throws Exception {
    try {
      call.run();
      return Status.Code.OK;
    } catch (StatusRuntimeException e) {
      return e.getStatus().getCode();
    }
  }
}
