package dev.alloydb.jakarta.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectorConfigTest {
  @Test
  void defaults() {
    ConnectorConfig config = ConnectorConfig.builder().build();
    assertThat(config.ipType()).isEqualTo(IpType.PRIVATE);
    assertThat(config.enableIamAuth()).isFalse();
    assertThat(config.refreshStrategy()).isEqualTo(RefreshStrategy.BACKGROUND);
    assertThat(config.adminServiceEndpoint()).isEqualTo("alloydb.googleapis.com:443");
    assertThat(config.universeDomain()).isEqualTo("googleapis.com");
    assertThat(config.credentialsFile()).isEmpty();
    assertThat(config.iamLoginCredentialsFile()).isEmpty();
    assertThat(config.credentials()).isEmpty();
    assertThat(config.credentialsSupplier()).isEmpty();
    assertThat(config.targetPrincipal()).isEmpty();
    assertThat(config.delegates()).isEmpty();
    assertThat(config.quotaProject()).isEmpty();
    assertThat(config.userAgent()).isEmpty();
    assertThat(config.scheduler()).isEmpty();
    assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.handshakeTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.refreshTimeout()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void valueEqualityAndCopy() {
    ConnectorConfig a = ConnectorConfig.builder().ipType(IpType.PSC).enableIamAuth(true)
        .refreshStrategy(RefreshStrategy.LAZY).credentialsFile(Path.of("/tmp/creds.json"))
        .targetPrincipal("sa@p.iam.gserviceaccount.com").delegates(List.of("d@p.iam.gserviceaccount.com"))
        .adminServiceEndpoint("http://127.0.0.1:8080").quotaProject("billing").userAgent("app/1")
        .universeDomain("example-universe.test").iamLoginCredentialsFile(Path.of("/tmp/login.json")).build();
    ConnectorConfig b = a.toBuilder().build();
    assertThat(b).isEqualTo(a).hasSameHashCodeAs(a);
    assertThat(a.toBuilder().quotaProject("other").build()).isNotEqualTo(a);
    assertThat(a.toBuilder().iamLoginCredentialsFile(null).build()).isNotEqualTo(a);
    assertThat(a.toBuilder().universeDomain("googleapis.com").build()).isNotEqualTo(a);
    assertThat(a.delegates()).isUnmodifiable();
  }

  @Test
  void defaultEndpointFollowsTheUniverseDomainUnlessOneIsSet() {
    ConnectorConfig tpc = ConnectorConfig.builder().universeDomain(" example-universe.test ").build();
    assertThat(tpc.universeDomain()).isEqualTo("example-universe.test");
    assertThat(tpc.adminServiceEndpoint()).isEqualTo("alloydb.example-universe.test:443");
    assertThat(tpc.toBuilder().adminServiceEndpoint("alloydb.example.test:8443").build().adminServiceEndpoint())
        .isEqualTo("alloydb.example.test:8443");
    assertThat(tpc.toBuilder().adminServiceEndpoint("alloydb.example.test:8443").adminServiceEndpoint(null).build()
        .adminServiceEndpoint()).as("null: back to the universe's endpoint")
        .isEqualTo("alloydb.example-universe.test:443");
  }

  @Test
  void builderDoesNotAliasCallerLists() {
    List<String> delegates = new java.util.ArrayList<>(List.of("d1@x"));
    ConnectorConfig config = ConnectorConfig.builder().targetPrincipal("sa@x").delegates(delegates).build();
    delegates.add("d2@x");
    assertThat(config.delegates()).containsExactly("d1@x");
  }

  @Test
  void toStringShowsNoCredentialContent() {
    GoogleCredentials credentials = GoogleCredentials.create(new AccessToken("secret-token-value", null));
    String text = ConnectorConfig.builder().credentials(credentials).build().toString();
    assertThat(text).doesNotContain("secret-token-value").contains("credentials=object");
  }

  static Stream<Arguments> invalid() {
    GoogleCredentials credentials = GoogleCredentials.create(new AccessToken("t", null));
    return Stream.of(
        bad("null ip type", b -> b.ipType(null), "ipType must not be null"),
        bad("null strategy", b -> b.refreshStrategy(null), "refreshStrategy must not be null"),
        bad("file and object", b -> b.credentialsFile(Path.of("x.json")).credentials(credentials),
            "Conflicting credential sources"),
        bad("object and supplier", b -> b.credentials(credentials).credentialsSupplier(() -> credentials),
            "Conflicting credential sources"),
        bad("file and supplier", b -> b.credentialsFile(Path.of("x")).credentialsSupplier(() -> credentials),
            "Conflicting credential sources"),
        bad("delegates without principal", b -> b.delegates(List.of("d@x")), "need a targetPrincipal"),
        bad("blank delegate", b -> b.targetPrincipal("sa@x").delegates(Arrays.asList("d@x", " ")),
            "blank entries"),
        bad("null delegates", b -> b.delegates(null), "delegates must not be null"),
        bad("blank principal", b -> b.targetPrincipal("  "), "targetPrincipal must not be blank"),
        bad("endpoint with path", b -> b.adminServiceEndpoint("https://host:443/v1"),
            "expected host:port, https://host:port, or http://host:port for a loopback host only"),
        bad("endpoint with other scheme", b -> b.adminServiceEndpoint("ftp://host:21"), "Invalid adminServiceEndpoint"),
        bad("empty endpoint", b -> b.adminServiceEndpoint(""), "Invalid adminServiceEndpoint"),
        bad("blank universe domain", b -> b.universeDomain(" "), "Invalid universeDomain ' ': expected a DNS domain"),
        bad("null universe domain", b -> b.universeDomain(null), "Invalid universeDomain 'null'"),
        bad("universe domain with scheme", b -> b.universeDomain("https://example.test"),
            "Invalid universeDomain 'https://example.test': expected a DNS domain such as googleapis.com"),
        bad("single-label universe domain", b -> b.universeDomain("localhost"), "Invalid universeDomain"),
        bad("user agent with a line break", b -> b.userAgent("app/1\r\nX-Evil: 1"),
            "Invalid userAgent 'app/1??X-Evil: 1': expected printable ASCII, at most 256 characters"),
        bad("user agent too long", b -> b.userAgent("a".repeat(257)), "expected printable ASCII, at most 256"),
        bad("blank quota project", b -> b.quotaProject(" "), "quotaProject must not be blank"),
        bad("blank user agent", b -> b.userAgent(""), "userAgent must not be blank"),
        bad("zero connect timeout", b -> b.connectTimeout(Duration.ZERO), "connectTimeout must be a positive"),
        bad("negative handshake timeout", b -> b.handshakeTimeout(Duration.ofSeconds(-1)),
            "handshakeTimeout must be a positive"),
        bad("null refresh timeout", b -> b.refreshTimeout(null), "refreshTimeout must be a positive"));
  }

  private static Arguments bad(String name, UnaryOperator<ConnectorConfig.Builder> change, String message) {
    return Arguments.of(name, change, message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void rejectsInvalidValues(String name, UnaryOperator<ConnectorConfig.Builder> change, String message) {
    assertThatThrownBy(() -> change.apply(ConnectorConfig.builder()).build())
        .isInstanceOf(ConnectorConfigException.class)
        .hasMessageContaining(message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"alloydb.googleapis.com:443", "http://127.0.0.1:8080", "https://host.example:443",
      "localhost:9", "[::1]:8443", "https://alloydb.googleapis.com"})
  void acceptsEndpointShapes(String endpoint) {
    assertThat(ConnectorConfig.builder().adminServiceEndpoint(endpoint).build().adminServiceEndpoint())
        .isEqualTo(endpoint);
  }

  @Test
  void parsesEnumsWithRootLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      assertThat(IpType.parse("private")).isEqualTo(IpType.PRIVATE);
      assertThat(IpType.parse(" psc ")).isEqualTo(IpType.PSC);
      assertThat(RefreshStrategy.parse("lazy")).isEqualTo(RefreshStrategy.LAZY);
      assertThat(RefreshStrategy.parse("refresh_ahead")).isEqualTo(RefreshStrategy.BACKGROUND);
      assertThat(RefreshStrategy.parse("Background")).isEqualTo(RefreshStrategy.BACKGROUND);
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void unknownEnumValuesNameTheChoices() {
    assertThatThrownBy(() -> IpType.parse("INTERNAL")).isInstanceOf(ConnectorConfigException.class)
        .hasMessage("Unknown IP type 'INTERNAL': expected one of PRIVATE, PUBLIC, PSC");
    assertThatThrownBy(() -> IpType.parse(null)).isInstanceOf(ConnectorConfigException.class);
    assertThatThrownBy(() -> RefreshStrategy.parse("eager")).isInstanceOf(ConnectorConfigException.class)
        .hasMessageContaining("expected one of BACKGROUND (or REFRESH_AHEAD), LAZY");
  }
}
