package dev.alloydb.jakarta.emulator;

import static com.google.cloud.alloydb.connectors.v1.MetadataExchangeRequest.AuthType.AUTO_IAM;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ImpersonatedCredentials;
import com.google.cloud.alloydb.connectors.v1.MetadataExchangeResponse.ResponseCode;
import dev.alloydb.jakarta.emulator.ProxyConnection.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** google-auth-library's ImpersonatedCredentials work against the emulator's IAM Credentials endpoint. */
@AlloyDbEmulatorTest
class ImpersonationTest {
  private static AlloyDbEmulator emulator;
  private static TestClient client;

  @BeforeAll
  static void start() throws IOException {
    emulator = AlloyDbEmulator.shared();
    client = new TestClient(emulator);
  }

  @AfterAll
  static void stop() {
    client.close();
  }

  @Test
  void impersonatedTokenLogsInAsTheTargetsIamUserOnly() throws Exception {
    String token = impersonated().refreshAccessToken().getTokenValue();
    assertThat(emulator.counters().tokensIssued(AlloyDbEmulator.SCOPE_ALLOYDB_LOGIN)).isEqualTo(1);

    EmulatedInstance instance = emulator.instance();
    try (SSLSocket s = client.open(client.tls(client.certificate(instance)), instance)) {
      assertThat(TestClient.exchange(s, AUTO_IAM, token).getResponseCode()).isEqualTo(ResponseCode.OK);
      // 'R' is AuthenticationOk: the emulator answered PostgreSQL's password request for the IAM role.
      assertThat(TestClient.startup(s, emulator.impersonationTargetIamUser(), emulator.database())).isEqualTo('R');
    }
    try (SSLSocket s = client.open(client.tls(client.certificate(instance)), instance)) {
      assertThat(TestClient.exchange(s, AUTO_IAM, token).getResponseCode()).isEqualTo(ResponseCode.OK);
      assertThat(TestClient.startup(s, emulator.iamUser(), emulator.database())).isEqualTo('E');
      assertThat(TestClient.errorCode(s)).isEqualTo("28000");
    }
    assertThat(emulator.counters().awaitProxyConnections(2, Duration.ofSeconds(30)))
        .extracting(ProxyConnection::outcome).containsExactly(Outcome.ACCEPTED, Outcome.REFUSED_LOGIN);
  }

  @Test
  void targetCredentialsFileYieldsTheTargetsTokens() throws Exception {
    GoogleCredentials target;
    try (InputStream in = Files.newInputStream(emulator.impersonationTargetCredentialsFile())) {
      target = GoogleCredentials.fromStream(in).createScoped(List.of(AlloyDbEmulator.SCOPE_ALLOYDB_LOGIN));
    }
    String token = target.refreshAccessToken().getTokenValue();

    EmulatedInstance instance = emulator.instance();
    try (SSLSocket s = client.open(client.tls(client.certificate(instance)), instance)) {
      assertThat(TestClient.exchange(s, AUTO_IAM, token).getResponseCode()).isEqualTo(ResponseCode.OK);
      assertThat(TestClient.startup(s, emulator.impersonationTargetIamUser(), emulator.database())).isEqualTo('R');
    }
    assertThat(emulator.counters().awaitProxyConnections(1, Duration.ofSeconds(30)))
        .extracting(ProxyConnection::outcome).containsExactly(Outcome.ACCEPTED);
  }

  @Test
  void unknownTargetIsNotFound() throws Exception {
    String url = emulator.generateAccessTokenUrl().replace(emulator.impersonationTargetEmail(),
        "stranger@emulator-project.iam.gserviceaccount.com");
    HttpResponse<String> r = AdminApiTest.rest("POST", url, "", client.token(AlloyDbEmulator.SCOPE_CLOUD_PLATFORM),
        "{\"scope\":[\"" + AlloyDbEmulator.SCOPE_CLOUD_PLATFORM + "\"]}");
    AdminApiTest.assertError(r, 404, "NOT_FOUND");
  }

  private static GoogleCredentials impersonated() throws IOException {
    GoogleCredentials source;
    try (InputStream in = Files.newInputStream(emulator.credentialsFile())) {
      source = GoogleCredentials.fromStream(in).createScoped(List.of(AlloyDbEmulator.SCOPE_CLOUD_PLATFORM));
    }
    return ImpersonatedCredentials.newBuilder()
        .setSourceCredentials(source)
        .setTargetPrincipal(emulator.impersonationTargetEmail())
        .setScopes(List.of(AlloyDbEmulator.SCOPE_ALLOYDB_LOGIN))
        .setLifetime(3600)
        .setIamEndpointOverride(emulator.generateAccessTokenUrl())
        .build();
  }
}
