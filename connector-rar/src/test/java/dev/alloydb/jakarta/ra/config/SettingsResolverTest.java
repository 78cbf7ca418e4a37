package dev.alloydb.jakarta.ra.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alloydb.jakarta.connector.IpType;
import dev.alloydb.jakarta.connector.RefreshStrategy;
import jakarta.resource.spi.InvalidPropertyException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Precedence (pool property, then MicroProfile Config, then default), parsing and messages of the settings. */
class SettingsResolverTest {

  private static final String URI = "projects/google.com:p/locations/r/clusters/c/instances/i";

  @Test
  void poolPropertyWinsOverConfigWhichWinsOverDefault() throws InvalidPropertyException {
    Map<String, String> config = Map.of(
        "alloydb.instance-uri", URI,
        "alloydb.user", "config-user",
        "alloydb.ip-type", "public");

    AdapterSettings settings = resolver(config).resolve(explicit(Setting.USER, "pool-user"));

    assertThat(settings.instanceUri()).isEqualTo(URI);
    assertThat(settings.user()).isEqualTo("pool-user");
    assertThat(settings.ipType()).isEqualTo(IpType.PUBLIC);
    assertThat(settings.database()).isEqualTo("postgres");
    assertThat(settings.refreshStrategy()).isEqualTo(RefreshStrategy.BACKGROUND);
    assertThat(settings.enableIamAuth()).isFalse();
  }

  @Test
  void blankPoolPropertyCountsAsUnset() throws InvalidPropertyException {
    Map<Setting, String> explicit = explicit(Setting.INSTANCE_URI, URI);
    explicit.put(Setting.USER, "  ");

    AdapterSettings settings = resolver(Map.of("alloydb.user", "config-user")).resolve(explicit);

    assertThat(settings.user()).isEqualTo("config-user");
  }

  @Test
  void valuesAreTrimmedAndParsedOnce() throws InvalidPropertyException {
    Map<Setting, String> explicit = explicit(Setting.INSTANCE_URI, " " + URI + " ");
    explicit.put(Setting.USER, "u");
    explicit.put(Setting.ENABLE_IAM_AUTH, " TRUE ");
    explicit.put(Setting.REFRESH_STRATEGY, "refresh_ahead");
    explicit.put(Setting.TARGET_PRINCIPAL, "target@p.iam.gserviceaccount.com");
    explicit.put(Setting.DELEGATES, "a@p.iam.gserviceaccount.com, b@p.iam.gserviceaccount.com");

    AdapterSettings settings = resolver(Map.of()).resolve(explicit);

    assertThat(settings.instanceUri()).isEqualTo(URI);
    assertThat(settings.enableIamAuth()).isTrue();
    assertThat(settings.refreshStrategy()).isEqualTo(RefreshStrategy.BACKGROUND);
    assertThat(settings.delegates()).containsExactly("a@p.iam.gserviceaccount.com", "b@p.iam.gserviceaccount.com");
  }

  @Test
  void iamLoginSendsNoPasswordAndPasswordNeverShowsInText() throws InvalidPropertyException {
    Map<Setting, String> explicit = explicit(Setting.INSTANCE_URI, URI);
    explicit.put(Setting.USER, "sa@p.iam");
    explicit.put(Setting.PASSWORD, "s3cret");
    explicit.put(Setting.ENABLE_IAM_AUTH, "true");

    AdapterSettings settings = resolver(Map.of()).resolve(explicit);

    assertThat(settings.connectionProperties("sa@p.iam", "s3cret")).doesNotContainKey("password")
        .containsEntry("enableIamAuth", "true").containsEntry("ipType", "PRIVATE");
    assertThat(settings.toString()).doesNotContain("s3cret").contains("<masked>");
  }

  @Test
  void invalidValueFromConfigSaysWhereItCameFrom() {
    Map<Setting, String> explicit = explicit(Setting.USER, "u");

    assertThatThrownBy(() -> resolver(Map.of("alloydb.instance-uri", "my-instance")).resolve(explicit))
        .isInstanceOf(InvalidPropertyException.class)
        .hasMessageContaining("(from MicroProfile Config)")
        .hasMessageContaining("\"my-instance\"");
  }

  @Test
  void unresolvedExpressionFromConfigIsRejectedToo() {
    Map<Setting, String> explicit = explicit(Setting.INSTANCE_URI, URI);

    assertThatThrownBy(() -> resolver(Map.of("alloydb.user", "${ENV=DB_USER}")).resolve(explicit))
        .isInstanceOf(InvalidPropertyException.class)
        .hasMessageContaining("user (MicroProfile Config key alloydb.user)")
        .hasMessageContaining("did not resolve");
  }

  @Test
  void withoutAMicroProfileConfigImplementationEveryKeyIsEmpty() {
    assertThat(new MicroProfileLookup().apply("alloydb.instance-uri")).isEmpty();
  }

  @Test
  void everySettingHasADistinctPropertyAndKey() {
    assertThat(List.of(Setting.values())).extracting(Setting::property).doesNotHaveDuplicates();
    assertThat(List.of(Setting.values())).extracting(Setting::configKey).doesNotHaveDuplicates()
        .allSatisfy(key -> assertThat(key).startsWith("alloydb."));
  }

  private static SettingsResolver resolver(Map<String, String> config) {
    return new SettingsResolver(key -> Optional.ofNullable(config.get(key)));
  }

  private static Map<Setting, String> explicit(Setting setting, String value) {
    Map<Setting, String> values = new EnumMap<>(Setting.class);
    values.put(setting, value);
    return values;
  }
}
