package dev.alloydb.jakarta.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.alloydb.v1alpha.GenerateClientCertificateRequest;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.grpc.Status;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Admin API version over both transports, with google-cloud-alloydb's own clients: gcloud's v1, the Python
 * connector's v1beta and the Java and Go connectors' v1alpha all get the instance's addresses and a signed
 * certificate from the one backend, and only v1 answers without a PSC DNS name.
 */
@AlloyDbEmulatorTest
class AdminApiVersionsTest {
  private static TestClient client;

  @BeforeAll
  static void start(AlloyDbEmulator emulator) throws Exception {
    client = new TestClient(emulator);
  }

  @AfterAll
  static void stop() {
    client.close();
  }

  static Stream<Arguments> versionsAndTransports() {
    return Stream.of(AdminApiVersion.values()).flatMap(version -> Stream.of(
        Arguments.of(version, AdminTransport.GRPC_PLAINTEXT), Arguments.of(version, AdminTransport.REST_HTTP)));
  }

  @ParameterizedTest(name = "{0} over {1}")
  @MethodSource("versionsAndTransports")
  void answersConnectionInfoAndSignsTheCallersKey(AdminApiVersion version, AdminTransport transport,
      AlloyDbEmulator emulator, EmulatedInstance instance) throws Exception {
    String publicKey = Pem.encode("PUBLIC KEY", client.key.getPublic().getEncoded());
    Message info;
    List<String> chain;
    try (VersionedAdminClient admin =
        VersionedAdminClient.open(version, transport, emulator, client.token(TestClient.CLOUD_PLATFORM))) {
      info = admin.connectionInfo(instance.uri());
      chain = admin.certificateChain(instance.clusterName(), publicKey);
    }

    assertThat(field(info, "ip_address")).isEqualTo(instance.privateAddress());
    assertThat(field(info, "public_ip_address")).isEqualTo(instance.publicAddress());
    assertThat(field(info, "instance_uid")).isEqualTo(instance.instanceUid());
    assertThat(info.getDescriptorForType().findFieldByName("psc_dns_name") == null)
        .as("%s defines no psc_dns_name", version).isEqualTo(version == AdminApiVersion.V1);
    if (version != AdminApiVersion.V1) {
      assertThat(field(info, "psc_dns_name")).isEqualTo(instance.pscDnsName());
    }
    assertThat(info.getUnknownFields().asMap()).as("fields %s does not define", version).isEmpty();

    assertThat(chain).hasSize(3);
    X509Certificate leaf = Pem.parseCertificate(chain.get(0));
    assertThat(leaf.getPublicKey()).isEqualTo(client.key.getPublic());
    leaf.verify(Pem.parseCertificate(chain.get(1)).getPublicKey());

    List<AdminCall> calls = emulator.counters().adminCallLog();
    assertThat(calls).extracting(AdminCall::rpc)
        .containsExactly(AdminRpc.GET_CONNECTION_INFO, AdminRpc.GENERATE_CLIENT_CERTIFICATE);
    assertThat(calls).allSatisfy(call -> {
      assertThat(call.version()).isEqualTo(version);
      assertThat(call.transport()).isEqualTo(transport);
      assertThat(call.status()).isEqualTo(Status.Code.OK);
    });
    assertThat(calls.get(1).request()).isInstanceOfSatisfying(GenerateClientCertificateRequest.class, request -> {
      assertThat(request.getParent()).isEqualTo(instance.clusterName());
      assertThat(request.getPublicKey()).isEqualTo(publicKey);
      assertThat(request.getCertDuration().getSeconds()).isEqualTo(3600);
      assertThat(request.getUseMetadataExchange()).isTrue();
    });
  }

  @ParameterizedTest
  @EnumSource(AdminApiVersion.class)
  void restJsonNamesThePscDnsNameExceptInV1(AdminApiVersion version, AlloyDbEmulator emulator,
      EmulatedInstance instance) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
            emulator.adminApiRestEndpoint() + "/" + version.id() + "/" + instance.uri() + "/connectionInfo"))
        .header("Authorization", "Bearer " + client.token(TestClient.CLOUD_PLATFORM)).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"ipAddress\": \"" + instance.privateAddress() + "\"");
    assertThat(response.body().contains("pscDnsName")).as("%s JSON names pscDnsName", version)
        .isEqualTo(version != AdminApiVersion.V1);
  }

  private static Object field(Message message, String name) {
    FieldDescriptor field = message.getDescriptorForType().findFieldByName(name);
    assertThat(field).as("%s.%s", message.getDescriptorForType().getFullName(), name).isNotNull();
    return message.getField(field);
  }
}
