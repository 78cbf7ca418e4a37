package dev.alloydb.jakarta.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.api.gax.rpc.NotFoundException;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.cloud.alloydb.v1alpha.AlloyDBAdminClient;
import com.google.cloud.alloydb.v1alpha.AlloyDBAdminGrpc;
import com.google.cloud.alloydb.v1alpha.AlloyDBAdminSettings;
import com.google.cloud.alloydb.v1alpha.ConnectionInfo;
import com.google.cloud.alloydb.v1alpha.GenerateClientCertificateRequest;
import com.google.cloud.alloydb.v1alpha.GenerateClientCertificateResponse;
import com.google.cloud.alloydb.v1alpha.GetConnectionInfoRequest;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.grpc.ClientInterceptor;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.auth.MoreCallCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Admin API over REST (HttpJson client and raw HTTP) and gRPC (TLS and plaintext), from one state. */
@AlloyDbEmulatorTest
class AdminApiTest {
  private static AlloyDbEmulator emulator;
  private static TestClient client;
  private static EmulatedInstance instance;
  private static ManagedChannel plaintext;
  private static ManagedChannel tls;

  @BeforeAll
  static void start() throws Exception {
    emulator = AlloyDbEmulator.shared();
    instance = emulator.instance();
    client = new TestClient(emulator);
    plaintext = NettyChannelBuilder.forTarget(emulator.adminApiGrpcPlaintextEndpoint()).usePlaintext().build();
    tls = NettyChannelBuilder.forTarget(emulator.adminApiGrpcTlsEndpoint(),
        TlsChannelCredentials.newBuilder().trustManager(emulator.caCertificatePem().toFile()).build()).build();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    client.close();
    plaintext.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    tls.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
  }

  @Test
  void httpJsonClientGetsConnectionInfoAndASignedCertificate() throws Exception {
    ConnectionInfo info = client.admin.getConnectionInfo(instance.uri());
    assertThat(info.getIpAddress()).isEqualTo(instance.privateAddress());
    assertThat(info.getPublicIpAddress()).isEqualTo(instance.publicAddress());
    assertThat(info.getPscDnsName()).isEqualTo(instance.pscDnsName()).endsWith(".");
    assertThat(info.getInstanceUid()).isEqualTo(instance.instanceUid());

    GenerateClientCertificateResponse cert = client.certificate(instance);
    assertThat(cert.getPemCertificateChainCount()).isEqualTo(3);
    X509Certificate leaf = Pem.parseCertificate(cert.getPemCertificateChain(0));
    assertThat(leaf.getPublicKey()).isEqualTo(client.key.getPublic());
    assertThat(cert.getCaCert()).isEqualTo(cert.getPemCertificateChain(2));
    X509Certificate intermediate = Pem.parseCertificate(cert.getPemCertificateChain(1));
    leaf.verify(intermediate.getPublicKey());
    intermediate.verify(Pem.parseCertificate(cert.getCaCert()).getPublicKey());

    assertThat(emulator.counters().adminCalls(AdminRpc.GET_CONNECTION_INFO, instance.uri())).isEqualTo(1);
    assertThat(emulator.counters().adminCalls(AdminRpc.GENERATE_CLIENT_CERTIFICATE, instance.uri())).isEqualTo(1);
    assertThat(emulator.counters().adminCallLog())
        .allSatisfy(c -> {
          assertThat(c.transport()).isEqualTo(AdminTransport.REST_HTTP);
          assertThat(c.status()).isEqualTo(Status.Code.OK);
        });
  }

  @Test
  void recordsTheRequestAndTheQuotaProjectHeader() throws Exception {
    try (AlloyDBAdminClient billed =
        AlloyDBAdminClient.create(
            AlloyDBAdminSettings.newHttpJsonBuilder()
                .setEndpoint(emulator.adminApiRestEndpoint())
                .setQuotaProjectId("billing-project")
                .setCredentialsProvider(FixedCredentialsProvider.create(
                    client.credentials(TestClient.CLOUD_PLATFORM)))
                .build())) {
      billed.generateClientCertificate(GenerateClientCertificateRequest.newBuilder()
          .setParent(instance.clusterName())
          .setPublicKey(Pem.encode("PUBLIC KEY", client.key.getPublic().getEncoded()))
          .setCertDuration(com.google.protobuf.Duration.newBuilder().setSeconds(3600))
          .setUseMetadataExchange(true)
          .build());
    }
    AdminCall call = emulator.counters().adminCallLog().get(0);
    assertThat(call.quotaProject()).isEqualTo("billing-project");
    assertThat(call.request()).isInstanceOfSatisfying(GenerateClientCertificateRequest.class, r -> {
      assertThat(r.getParent()).isEqualTo(instance.clusterName());
      assertThat(r.getCertDuration().getSeconds()).isEqualTo(3600);
      assertThat(r.getUseMetadataExchange()).isTrue();
    });
    assertThat(call.userAgent()).isNotEmpty();
  }

  @Test
  void grpcOverTlsAndPlaintextServeTheSameInstance() throws Exception {
    String token = client.token(TestClient.CLOUD_PLATFORM);
    for (ManagedChannel channel : new ManagedChannel[] {tls, plaintext}) {
      ConnectionInfo info = AlloyDBAdminGrpc.newBlockingStub(channel)
          .withInterceptors(bearer(token))
          .getConnectionInfo(GetConnectionInfoRequest.newBuilder().setParent(instance.uri()).build());
      assertThat(info.getIpAddress()).isEqualTo(instance.privateAddress());
    }
    assertThat(emulator.counters().adminCallLog()).extracting(AdminCall::transport)
        .containsExactly(AdminTransport.GRPC_TLS, AdminTransport.GRPC_PLAINTEXT);
  }

  @Test
  void signsAPkcs1PublicKeyToo() throws Exception {
    byte[] pkcs1 = SubjectPublicKeyInfo.getInstance(client.key.getPublic().getEncoded()).parsePublicKey()
        .getEncoded();
    GenerateClientCertificateResponse cert = grpc().generateClientCertificate(
        GenerateClientCertificateRequest.newBuilder()
            .setParent(instance.clusterName())
            .setPublicKey(Pem.encode("RSA PUBLIC KEY", pkcs1))
            .build());
    assertThat(Pem.parseCertificate(cert.getPemCertificateChain(0)).getPublicKey())
        .isEqualTo(client.key.getPublic());
  }

  @Test
  void selfSignedJwtOfTheServiceAccountIsAcceptedWithoutTheTokenEndpoint() throws Exception {
    GoogleCredentials unscoped;
    try (InputStream in = Files.newInputStream(emulator.credentialsFile())) {
      unscoped = GoogleCredentials.fromStream(in);
    }
    ConnectionInfo info = AlloyDBAdminGrpc.newBlockingStub(tls)
        .withCallCredentials(MoreCallCredentials.from(unscoped))
        .getConnectionInfo(GetConnectionInfoRequest.newBuilder().setParent(instance.uri()).build());
    assertThat(info.getInstanceUid()).isEqualTo(instance.instanceUid());
    assertThat(emulator.counters().tokensIssued()).isZero();
  }

  @Test
  void refusesCallsWithoutCredentials() {
    assertThatThrownBy(() -> AlloyDBAdminGrpc.newBlockingStub(plaintext)
            .getConnectionInfo(GetConnectionInfoRequest.newBuilder().setParent(instance.uri()).build()))
        .isInstanceOfSatisfying(StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
  }

  @Test
  void refusesATokenItDidNotIssue() throws Exception {
    HttpResponse<String> r = rest("GET", emulator.adminApiRestEndpoint(), "/v1alpha/" + instance.uri()
        + "/connectionInfo?$alt=json;enum-encoding%3Dint", "ya29.foreign", "");
    assertError(r, 401, "UNAUTHENTICATED");
  }

  @Test
  void unknownInstanceIsNotFound() throws Exception {
    String unknown = instance.clusterName() + "/instances/missing";
    assertThatThrownBy(() -> client.admin.getConnectionInfo(unknown)).isInstanceOf(NotFoundException.class);
    HttpResponse<String> r = rest("GET", emulator.adminApiRestEndpoint(), "/v1alpha/" + unknown + "/connectionInfo",
        client.token(TestClient.CLOUD_PLATFORM), "");
    assertError(r, 404, "NOT_FOUND");
    assertThat(emulator.counters().adminCalls(AdminRpc.GET_CONNECTION_INFO, unknown)).isEqualTo(2);
    assertThat(emulator.counters().adminCallLog()).extracting(AdminCall::status).containsOnly(Status.Code.NOT_FOUND);
  }

  @Test
  void missingOrBadPublicKeyIsInvalidArgument() throws Exception {
    String token = client.token(TestClient.CLOUD_PLATFORM);
    String path = "/v1alpha/" + instance.clusterName() + ":generateClientCertificate";
    assertError(rest("POST", emulator.adminApiRestEndpoint(), path, token, "{\"certDuration\":\"3600s\"}"),
        400, "INVALID_ARGUMENT");
    assertError(rest("POST", emulator.adminApiRestEndpoint(), path, token,
        "{\"publicKey\":\"-----BEGIN PUBLIC KEY-----\\nAAAA\\n-----END PUBLIC KEY-----\\n\"}"),
        400, "INVALID_ARGUMENT");
  }

  @Test
  void restOverHttpsWithTheExportedTrustStore() throws Exception {
    HttpResponse<String> r = rest("GET", emulator.adminApiRestTlsEndpoint(), "/v1alpha/" + instance.uri()
        + "/connectionInfo", client.token(TestClient.CLOUD_PLATFORM), "");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonObject json = JsonParser.parseString(r.body()).getAsJsonObject();
    assertThat(json.get("ipAddress").getAsString()).isEqualTo(instance.privateAddress());
    assertThat(json.get("pscDnsName").getAsString()).isEqualTo(instance.pscDnsName());
    assertThat(emulator.counters().adminCallLog()).extracting(AdminCall::transport)
        .containsExactly(AdminTransport.REST_HTTPS);
  }

  @Test
  void tokenEndpointRefusesAnAssertionSignedByAnotherKey() throws Exception {
    HttpResponse<String> r = tokenRequest(assertion("https://oauth2.googleapis.com/token",
        CertificateAuthority.newKeyPair().getPrivate()));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("invalid_grant").contains("signature");
    assertThat(emulator.counters().tokensIssued()).isZero();
  }

  @Test
  void tokenEndpointChecksTheAudience() throws Exception {
    PrivateKey key;
    try (InputStream in = Files.newInputStream(emulator.credentialsFile())) {
      key = ((ServiceAccountCredentials) GoogleCredentials.fromStream(in)).getPrivateKey();
    }
    assertThat(tokenRequest(assertion(emulator.tokenEndpoint(), key)).statusCode()).isEqualTo(200);
    assertThat(tokenRequest(assertion("https://oauth2.googleapis.com/token", key)).statusCode()).isEqualTo(200);
    HttpResponse<String> r = tokenRequest(assertion("https://elsewhere.example/token", key));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("audience");
    assertThat(emulator.counters().tokensIssued()).isEqualTo(2);
  }

  private static String assertion(String audience, PrivateKey key) throws Exception {
    String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
    long now = System.currentTimeMillis() / 1000;
    String claims = b64("{\"iss\":\"" + emulator.serviceAccountEmail() + "\",\"scope\":\""
        + TestClient.CLOUD_PLATFORM + "\",\"aud\":\"" + audience + "\",\"iat\":" + now
        + ",\"exp\":" + (now + 600) + "}");
    Signature signer = Signature.getInstance("SHA256withRSA");
    signer.initSign(key);
    signer.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
    return header + "." + claims + "."
        + Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
  }

  private static HttpResponse<String> tokenRequest(String jwt) throws Exception {
    return HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(emulator.tokenEndpoint()))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(
                "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=" + jwt))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static AlloyDBAdminGrpc.AlloyDBAdminBlockingStub grpc() throws Exception {
    return AlloyDBAdminGrpc.newBlockingStub(plaintext)
        .withInterceptors(bearer(client.token(TestClient.CLOUD_PLATFORM)));
  }

  /** Call credentials refuse plaintext channels, so the token goes in as a plain header. */
  static ClientInterceptor bearer(String token) {
    Metadata headers = new Metadata();
    headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
    return MetadataUtils.newAttachHeadersInterceptor(headers);
  }

  static HttpResponse<String> rest(String method, String endpoint, String path, String token, String body)
      throws Exception {
    AlloyDbEmulator any = AlloyDbEmulator.shared();
    KeyStore trust = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(any.trustStore())) {
      trust.load(in, any.trustStorePassword().toCharArray());
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
    tmf.init(trust);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint + path))
        .header("Authorization", "Bearer " + token)
        .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return HttpClient.newBuilder().sslContext(ssl).build().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static void assertError(HttpResponse<String> r, int status, String code) {
    assertThat(r.statusCode()).isEqualTo(status);
    JsonObject error = JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonObject("error");
    assertThat(error.get("code").getAsInt()).isEqualTo(status);
    assertThat(error.get("status").getAsString()).isEqualTo(code);
    assertThat(error.get("message").getAsString()).isNotBlank();
  }

  private static String b64(String s) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
