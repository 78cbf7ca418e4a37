package dev.alloydb.jakarta.ra.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.alloydb.jakarta.connector.ConnectorConfigException;
import dev.alloydb.jakarta.connector.ConnectorOption;
import dev.alloydb.jakarta.connector.IpType;
import dev.alloydb.jakarta.connector.RefreshStrategy;
import jakarta.resource.spi.InvalidPropertyException;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Precedence (pool property, then MicroProfile Config, then default), parsing and messages of the settings. */
class SettingsResolverTest {

  private static final String URI = "projects/google.com:p/locations/r/clusters/c/instances/i";

  @Test
  void poolPropertyWinsOverConfigWhichWinsOverDefault() throws InvalidPropertyException {
    Map<String, String> config = Map.of(
        "alloydb.instance-uri", URI,
        "alloydb.user", "config-user",
        "alloydb.ip-type", "public");

    AdapterSettings settings = resolver(config).resolve(pool(ConnectorOption.USER, "pool-user"));

    assertThat(settings.instanceUri()).isEqualTo(URI);
    assertThat(settings.user()).isEqualTo("pool-user");
    assertThat(settings.get(ConnectorOption.IP_TYPE)).isEqualTo(IpType.PUBLIC);
    assertThat(settings.get(ConnectorOption.DATABASE)).isEqualTo("postgres");
    assertThat(settings.connectorConfig().refreshStrategy()).isEqualTo(RefreshStrategy.BACKGROUND);
    assertThat(settings.get(ConnectorOption.ENABLE_IAM_AUTH)).isFalse();
  }

  @Test
  void blankPoolPropertyCountsAsUnset() throws InvalidPropertyException {
    PoolProperties pool = pool(ConnectorOption.INSTANCE_URI, URI);
    pool.set(ConnectorOption.USER, "  ");

    AdapterSettings settings = resolver(Map.of("alloydb.user", "config-user")).resolve(pool);

    assertThat(settings.user()).isEqualTo("config-user");
  }

  @Test
  void valuesAreTrimmedAndParsedIntoTheConnectorConfiguration() throws InvalidPropertyException {
    PoolProperties pool = pool(ConnectorOption.INSTANCE_URI, " " + URI + " ");
    pool.set(ConnectorOption.USER, "u");
    pool.set(ConnectorOption.ENABLE_IAM_AUTH, " TRUE ");
    pool.set(ConnectorOption.REFRESH_STRATEGY, "lazy");
    pool.set(ConnectorOption.TARGET_PRINCIPAL, "target@p.iam.gserviceaccount.com");
    pool.set(ConnectorOption.DELEGATES, "a@p.iam.gserviceaccount.com, b@p.iam.gserviceaccount.com");

    AdapterSettings settings = resolver(Map.of()).resolve(pool);

    assertThat(settings.instanceUri()).isEqualTo(URI);
    assertThat(settings.get(ConnectorOption.ENABLE_IAM_AUTH)).isTrue();
    assertThat(settings.connectorConfig().refreshStrategy()).isEqualTo(RefreshStrategy.LAZY);
    assertThat(settings.connectorConfig().targetPrincipal()).contains("target@p.iam.gserviceaccount.com");
    assertThat(settings.connectorConfig().delegates())
        .containsExactly("a@p.iam.gserviceaccount.com", "b@p.iam.gserviceaccount.com");
    assertThat(settings.connectorConfig().userAgent()).contains("jakarta-ra");
  }

  @Test
  void parityOptionsComeFromMicroProfileConfigOrThePool() throws InvalidPropertyException {
    Map<String, String> config = Map.of(
        "alloydb.instance-uri", URI,
        "alloydb.user", "u",
        "alloydb.universe-domain", "example-universe.test",
        "alloydb.user-agent", "orders-service/2.1");

    AdapterSettings fromConfig = resolver(config).resolve(new PoolProperties());

    assertThat(fromConfig.connectorConfig().universeDomain()).isEqualTo("example-universe.test");
    assertThat(fromConfig.connectorConfig().adminServiceEndpoint()).isEqualTo("alloydb.example-universe.test:443");
    assertThat(fromConfig.connectorConfig().userAgent()).contains("jakarta-ra orders-service/2.1");
    assertThat(fromConfig.connectorConfig().iamLoginCredentialsFile()).isEmpty();

    PoolProperties pool = pool(ConnectorOption.USER_AGENT, "billing/1");
    pool.set(ConnectorOption.IAM_LOGIN_CREDENTIALS_FILE, "pom.xml");
    AdapterSettings fromPool = resolver(config).resolve(pool);

    assertThat(fromPool.connectorConfig().userAgent()).contains("jakarta-ra billing/1");
    assertThat(fromPool.connectorConfig().iamLoginCredentialsFile()).contains(java.nio.file.Path.of("pom.xml"));
  }

  @Test
  void invalidUniverseDomainIsNamedWithItsSource() {
    InvalidPropertyException e = catchThrowableOfType(InvalidPropertyException.class,
        () -> resolver(Map.of("alloydb.instance-uri", URI, "alloydb.user", "u",
            "alloydb.universe-domain", "https://example.test")).resolve(new PoolProperties()));

    assertThat(e).hasMessage("AlloyDB setting universeDomain (MicroProfile Config key alloydb.universe-domain)"
        + " (from MicroProfile Config): Invalid universeDomain 'https://example.test': expected a DNS domain such as"
        + " googleapis.com (letters, digits, - and .)");
    assertThat(e).hasCauseInstanceOf(ConnectorConfigException.class);
  }

  @Test
  void iamLoginSendsNoPasswordAndPasswordNeverShowsInText() throws InvalidPropertyException {
    PoolProperties pool = pool(ConnectorOption.INSTANCE_URI, URI);
    pool.set(ConnectorOption.USER, "sa@p.iam");
    pool.set(ConnectorOption.PASSWORD, "s3cret");
    pool.set(ConnectorOption.ENABLE_IAM_AUTH, "true");

    AdapterSettings settings = resolver(Map.of()).resolve(pool);

    assertThat(settings.connectionProperties("sa@p.iam", "s3cret")).doesNotContainKey("password")
        .containsEntry("enableIamAuth", "true").containsEntry("ipType", "PRIVATE");
    assertThat(settings.toString()).doesNotContain("s3cret").contains("password=<masked>");
    assertThat(pool.toString()).doesNotContain("s3cret");
  }

  @Test
  void invalidValueFromConfigSaysWhereItCameFrom() {
    PoolProperties pool = pool(ConnectorOption.USER, "u");

    assertThatThrownBy(() -> resolver(Map.of("alloydb.instance-uri", "my-instance")).resolve(pool))
        .isInstanceOf(InvalidPropertyException.class)
        .hasMessageStartingWith("AlloyDB setting instanceUri (MicroProfile Config key alloydb.instance-uri) "
            + "(from MicroProfile Config): Invalid instance URI 'my-instance'")
        .hasCauseInstanceOf(ConnectorConfigException.class);
  }

  static Stream<Arguments> valuesTheLibraryRejects() {
    return Stream.of(
        Arguments.of(ConnectorOption.INSTANCE_URI, "projects/p/locations/r/clusters/c/instances/a b"),
        Arguments.of(ConnectorOption.INSTANCE_URI, "projects/p/locations/r/clusters/c"),
        Arguments.of(ConnectorOption.IP_TYPE, "IPV6"),
        Arguments.of(ConnectorOption.ENABLE_IAM_AUTH, "yes"),
        Arguments.of(ConnectorOption.REFRESH_STRATEGY, "EAGER"),
        Arguments.of(ConnectorOption.ADMIN_SERVICE_ENDPOINT, "ftp://host:1/x"),
        Arguments.of(ConnectorOption.CREDENTIALS_FILE, "/no/such/credentials.json"),
        Arguments.of(ConnectorOption.DELEGATES, "a@p.iam.gserviceaccount.com,,b@p.iam.gserviceaccount.com"),
        Arguments.of(ConnectorOption.DELEGATES, "a@p.iam.gserviceaccount.com,"));
  }

  @ParameterizedTest(name = "{0}={1}")
  @MethodSource("valuesTheLibraryRejects")
  void adapterRejectsWhatTheLibraryRejectsWithTheLibrarysMessage(ConnectorOption<?> option, String value) {
    ConnectorConfigException library = catchThrowableOfType(ConnectorConfigException.class,
        () -> option.parse(value, option.name()));
    PoolProperties pool = pool(ConnectorOption.INSTANCE_URI, URI);
    pool.set(ConnectorOption.USER, "u");
    pool.set(ConnectorOption.TARGET_PRINCIPAL, "target@p.iam.gserviceaccount.com");
    pool.set(option, value);

    assertThat(library).as("the library rejects it").isNotNull();
    assertThatThrownBy(() -> resolver(Map.of()).resolve(pool))
        .isInstanceOf(InvalidPropertyException.class)
        .hasMessage("AlloyDB setting " + option.name() + " (MicroProfile Config key " + option.configKey()
            + ") (pool property): " + library.getMessage())
        .cause().isInstanceOf(ConnectorConfigException.class).hasMessage(library.getMessage());
    assertThatThrownBy(() -> SettingsResolver.checkExplicit(pool)).isInstanceOf(InvalidPropertyException.class);
  }

  @Test
  void delegatesWithoutTargetPrincipalBreakTheLibrarysRule() {
    PoolProperties pool = pool(ConnectorOption.INSTANCE_URI, URI);
    pool.set(ConnectorOption.USER, "u");
    pool.set(ConnectorOption.DELEGATES, "a@p.iam.gserviceaccount.com");

    assertThatThrownBy(() -> resolver(Map.of()).resolve(pool))
        .isInstanceOf(InvalidPropertyException.class)
        .hasMessage("AlloyDB settings do not fit together: delegates [a@p.iam.gserviceaccount.com] need a "
            + "targetPrincipal: set the service account to impersonate")
        .hasCauseInstanceOf(ConnectorConfigException.class);
  }

  @Test
  void unresolvedExpressionFromConfigIsRejectedToo() {
    PoolProperties pool = pool(ConnectorOption.INSTANCE_URI, URI);

    assertThatThrownBy(() -> resolver(Map.of("alloydb.user", "${ENV=DB_USER}")).resolve(pool))
        .isInstanceOf(InvalidPropertyException.class)
        .hasMessageContaining("user (MicroProfile Config key alloydb.user)")
        .hasMessageContaining("did not resolve");
  }

  @Test
  void missingRequiredOptionNamesThePropertyTheKeyAndTheForm() {
    assertThatThrownBy(() -> resolver(Map.of()).resolve(pool(ConnectorOption.INSTANCE_URI, URI)))
        .isInstanceOf(InvalidPropertyException.class)
        .hasMessage("AlloyDB setting user (MicroProfile Config key alloydb.user) is missing: set the pool property "
            + "or the MicroProfile Config key; expected a database user name");
  }

  @Test
  void withoutAMicroProfileConfigImplementationEveryKeyIsEmpty() {
    assertThat(new MicroProfileLookup().apply("alloydb.instance-uri")).isEmpty();
  }

  private static SettingsResolver resolver(Map<String, String> config) {
    return new SettingsResolver(key -> Optional.ofNullable(config.get(key)));
  }

  private static PoolProperties pool(ConnectorOption<?> option, String value) {
    PoolProperties pool = new PoolProperties();
    pool.set(option, value);
    return pool;
  }
}
