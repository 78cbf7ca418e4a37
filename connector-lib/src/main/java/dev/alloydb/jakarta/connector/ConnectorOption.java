package dev.alloydb.jakarta.connector;

import dev.alloydb.jakarta.connector.internal.InstanceUri;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * One configuration option of the connector, defined once (in the spirit of pgjdbc's {@code PGProperty}): its
 * property name in Google's JDBC socket factory, its own name (the resource adapter's pool property, and for
 * per-connection options the key of {@code Connector.connect(instanceUri, info)}), its MicroProfile Config key and
 * environment variable, its default, how its text is parsed and one line of documentation. The JDBC socket factory,
 * the resource adapter and the README's configuration reference all read these definitions, so a value is accepted
 * or rejected, with the same message, wherever it is given.
 *
 * <p>Text values are trimmed (except secrets); a blank value counts as unset. Immutable.
 *
 * @param <T> the type a value parses to
 */
public final class ConnectorOption<T> {

  private static final String ENDPOINT_FORMS = "host:port, https://host:port, or http://host:port for a loopback host only";
  private static final String CREDENTIALS_FILE_FORM = "the path of a readable Google credentials JSON file";

  /** The instance to connect to. */
  public static final ConnectorOption<String> INSTANCE_URI = option("instanceUri",
      (value, name) -> InstanceUri.parse(value).toString())
      .jdbc("alloydbInstanceName").required()
      .expects("projects/<PROJECT>/locations/<REGION>/clusters/<CLUSTER>/instances/<INSTANCE>")
      .means("the instance to connect to; the project may be domain-scoped (google.com:my-project)");
  /** Which address of the instance to dial. */
  public static final ConnectorOption<IpType> IP_TYPE = option("ipType", (value, name) -> IpType.parse(value))
      .jdbc("alloydbIpType").byDefault(IpType.PRIVATE.name())
      .expects("PRIVATE, PUBLIC or PSC (any case)")
      .means("which address of the instance to dial");
  /** Log in as the credentials' IAM principal instead of with a password. */
  public static final ConnectorOption<Boolean> ENABLE_IAM_AUTH = option("enableIamAuth", ConnectorOption::parseFlag)
      .jdbc("alloydbEnableIAMAuth").byDefault("false")
      .expects("true or false (any case)")
      .means("log in as the credentials' IAM principal (user must name it); no password is sent");
  /** The database user. */
  public static final ConnectorOption<String> USER = option("user", ConnectorOption::text)
      .jdbc("user").required()
      .expects("a database user name")
      .means("database user (for IAM: the principal's e-mail, service accounts without .gserviceaccount.com)");
  /** The database password. */
  public static final ConnectorOption<String> PASSWORD = option("password", ConnectorOption::text)
      .jdbc("password").secret()
      .expects("the user's password")
      .means("database password; never shown in messages or logs; not sent with IAM");
  /** The database name. */
  public static final ConnectorOption<String> DATABASE = option("database", ConnectorOption::text)
      .byDefault("postgres")
      .expects("a database name")
      .means("database to connect to (JDBC: the URL's path)");
  /** How the connector keeps certificates fresh. */
  public static final ConnectorOption<RefreshStrategy> REFRESH_STRATEGY = option("refreshStrategy",
      (value, name) -> RefreshStrategy.parse(value))
      .jdbc("alloydbRefreshStrategy").byDefault(RefreshStrategy.BACKGROUND.name())
      .configures(ConnectorConfig.Builder::refreshStrategy)
      .expects("BACKGROUND (also REFRESH_AHEAD) or LAZY (any case)")
      .means("refresh certificates ahead of expiry in the background, or only inside a connect");
  /** The AlloyDB Admin API endpoint. */
  public static final ConnectorOption<String> ADMIN_SERVICE_ENDPOINT = option("adminServiceEndpoint",
      ConnectorOption::parseEndpoint)
      .jdbc("alloydbAdminServiceEndpoint")
      .configures(ConnectorConfig.Builder::adminServiceEndpoint)
      .expects(ENDPOINT_FORMS)
      .means("AlloyDB Admin API endpoint; unset: alloydb.<universeDomain>:443, so "
          + ConnectorConfig.DEFAULT_ADMIN_SERVICE_ENDPOINT + " in Google Cloud");
  /** The universe domain of the credentials and the Admin API. */
  public static final ConnectorOption<String> UNIVERSE_DOMAIN = option("universeDomain",
      (value, name) -> parseWith(value, name, ConnectorConfig.UNIVERSE_DOMAIN_FORM,
          builder -> builder.universeDomain(value).build().universeDomain()))
      .jdbc("alloydbUniverseDomain").byDefault(ConnectorConfig.DEFAULT_UNIVERSE_DOMAIN)
      .configures(ConnectorConfig.Builder::universeDomain)
      .expects(ConnectorConfig.UNIVERSE_DOMAIN_FORM)
      .means("universe domain (Trusted Partner Cloud); the credentials must belong to it, or the connector refuses"
          + " to start");
  /** The project billed for Admin API quota. */
  public static final ConnectorOption<String> QUOTA_PROJECT = option("quotaProject", ConnectorOption::text)
      .jdbc("alloydbQuotaProject").configures(ConnectorConfig.Builder::quotaProject)
      .expects("a Google Cloud project ID")
      .means("project billed for Admin API quota");
  /** A Google credentials file instead of Application Default Credentials. */
  public static final ConnectorOption<Path> CREDENTIALS_FILE = option("credentialsFile",
      ConnectorOption::parseReadableFile)
      .jdbc("alloydbGoogleCredentialsPath").configures(ConnectorConfig.Builder::credentialsFile)
      .expects(CREDENTIALS_FILE_FORM)
      .means("credentials file: service account key, authorized user or impersonated service account (other types "
          + "only with -Ddev.alloydb.jakarta.credentialsFileTypes=<type>); unset: Application Default Credentials");
  /** Separate credentials for the IAM database login. */
  public static final ConnectorOption<Path> IAM_LOGIN_CREDENTIALS_FILE = option("iamLoginCredentialsFile",
      ConnectorOption::parseReadableFile)
      .jdbc("alloydbIamLoginCredentialsPath").configures(ConnectorConfig.Builder::iamLoginCredentialsFile)
      .expects(CREDENTIALS_FILE_FORM)
      .means("credentials file of the IAM database login: its principal's token goes in the metadata exchange"
          + " (same types as credentialsFile); unset: the Admin API credentials");
  /** The service account to impersonate. */
  public static final ConnectorOption<String> TARGET_PRINCIPAL = option("targetPrincipal", ConnectorOption::text)
      .jdbc("alloydbTargetPrincipal").configures(ConnectorConfig.Builder::targetPrincipal)
      .expects("a service account e-mail address")
      .means("service account to impersonate");
  /** The impersonation delegation chain. */
  public static final ConnectorOption<List<String>> DELEGATES = option("delegates", ConnectorOption::parseList)
      .jdbc("alloydbDelegates").configures(ConnectorConfig.Builder::delegates)
      .expects("comma-separated service account e-mail addresses, none empty; needs targetPrincipal")
      .means("impersonation delegation chain");
  /** Text appended to the connector's user agent. */
  public static final ConnectorOption<String> USER_AGENT = option("userAgent",
      (value, name) -> parseWith(value, name, ConnectorConfig.USER_AGENT_FORM,
          builder -> builder.userAgent(value).build().userAgent().orElseThrow()))
      .jdbc("alloydbUserAgent").configures(ConnectorConfig.Builder::userAgent)
      .expects(ConnectorConfig.USER_AGENT_FORM)
      .means("appended to alloydb-jakarta-connector/<version> in the Admin API's user-agent header and the metadata"
          + " exchange");

  /** Whether the connector records and publishes metrics and spans. */
  public static final ConnectorOption<Boolean> METRICS = option("metrics", ConnectorOption::parseFlag)
      .jdbc("alloydbMetrics").configures(ConnectorConfig.Builder::metrics).byDefault("true")
      .expects("true or false (any case)")
      .means("record dial and refresh metrics and publish them through JMX and, if its API is on the class path,"
          + " OpenTelemetry (with spans); the instance status is kept either way");

  private static final List<ConnectorOption<?>> ALL = List.of(INSTANCE_URI, IP_TYPE, ENABLE_IAM_AUTH, USER,
      PASSWORD, DATABASE, REFRESH_STRATEGY, ADMIN_SERVICE_ENDPOINT, UNIVERSE_DOMAIN, QUOTA_PROJECT, CREDENTIALS_FILE,
      IAM_LOGIN_CREDENTIALS_FILE, TARGET_PRINCIPAL, DELEGATES, USER_AGENT, METRICS);
  private static final String CONFIG_KEY_PREFIX = "alloydb.";
  private static final int MAX_SHOWN = 200;

  private final String name;
  private final String jdbcName;
  private final String defaultValue;
  private final boolean required;
  private final boolean secret;
  private final String expected;
  private final String description;
  private final Parser<T> parser;
  private final Setter<T> setter;

  private ConnectorOption(Definition<T> definition, String description) {
    this.name = definition.name;
    this.jdbcName = definition.jdbcName;
    this.defaultValue = definition.defaultValue;
    this.required = definition.required;
    this.secret = definition.secret;
    this.expected = definition.expected;
    this.description = description;
    this.parser = definition.parser;
    this.setter = definition.setter;
  }

  private static <T> Definition<T> option(String name, Parser<T> parser) {
    return new Definition<>(name, parser);
  }

  /** Every option, in the order of the README's configuration reference. */
  public static List<ConnectorOption<?>> all() {
    return ALL;
  }

  /**
   * The option's own name: the resource adapter's pool property and, for per-connection options, the key of
   * {@code Connector.connect(instanceUri, info)}.
   */
  public String name() {
    return name;
  }

  /** The property of Google's JDBC socket factory (and of ours), if it has one (the database is the URL's path). */
  public Optional<String> jdbcName() {
    return Optional.ofNullable(jdbcName);
  }

  /** The MicroProfile Config key: {@code alloydb.} and the name in kebab case ({@code alloydb.ip-type}). */
  public String configKey() {
    return CONFIG_KEY_PREFIX + name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  /** The environment variable MicroProfile Config maps to {@link #configKey()}: upper case, {@code _} for . and -. */
  public String environmentVariable() {
    return configKey().toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** The value used when none is given, if there is one. */
  public Optional<String> defaultValue() {
    return Optional.ofNullable(defaultValue);
  }

  /** Whether a connection cannot be made without a value (the resource adapter requires it). */
  public boolean required() {
    return required;
  }

  /** Whether values are secret: never trimmed, shown, logged or serialized. */
  public boolean secret() {
    return secret;
  }

  /** The form a value must have, as error messages and the README say it. */
  public String expected() {
    return expected;
  }

  /** One line of documentation. */
  public String description() {
    return description;
  }

  /**
   * Whether the option selects the connector (part of {@link ConnectorConfig}); otherwise it applies per connection,
   * so connections that differ only in it share one connector and its certificates.
   */
  public boolean configuresConnector() {
    return setter != null;
  }

  /** Whether {@code value} counts as given: not {@code null} and not blank. */
  public static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }

  /**
   * Parses a value given under {@code givenAs} (the property or key it came from, for the message).
   *
   * @throws ConnectorConfigException saying what was wrong and what is expected
   */
  public T parse(String value, String givenAs) {
    if (!isSet(value)) {
      throw new ConnectorConfigException("Invalid " + givenAs + ": no value; expected " + expected);
    }
    return parser.parse(secret ? value : value.trim(), givenAs);
  }

  /** Sets {@code value} on {@code builder}; does nothing for an option that is not {@link #configuresConnector()}. */
  public void configure(ConnectorConfig.Builder builder, T value) {
    if (setter != null) {
      setter.set(builder, value);
    }
  }

  @Override
  public String toString() {
    return name;
  }

  private static String text(String value, String givenAs) {
    return value;
  }

  private static Boolean parseFlag(String value, String givenAs) {
    switch (value.toLowerCase(Locale.ROOT)) {
      case "true":
        return Boolean.TRUE;
      case "false":
        return Boolean.FALSE;
      default:
        throw invalid(value, givenAs, "true or false");
    }
  }

  private static String parseEndpoint(String value, String givenAs) {
    return parseWith(value, givenAs, ENDPOINT_FORMS,
        builder -> builder.adminServiceEndpoint(value).build().adminServiceEndpoint());
  }

  /** Applies the builder's own rule for a value, reporting a violation under {@code givenAs}. */
  private static String parseWith(String value, String givenAs, String expected,
      Function<ConnectorConfig.Builder, String> rule) {
    try {
      return rule.apply(ConnectorConfig.builder());
    } catch (ConnectorConfigException e) {
      throw new ConnectorConfigException(invalid(value, givenAs, expected).getMessage(), e);
    }
  }

  private static Path parseReadableFile(String value, String givenAs) {
    Path path;
    try {
      path = Path.of(value);
    } catch (InvalidPathException e) {
      throw new ConnectorConfigException(invalid(value, givenAs, CREDENTIALS_FILE_FORM).getMessage(), e);
    }
    if (!Files.isReadable(path)) {
      throw invalid(value, givenAs, CREDENTIALS_FILE_FORM + " (no readable file there)");
    }
    return path;
  }

  private static List<String> parseList(String value, String givenAs) {
    List<String> items = new ArrayList<>();
    for (String item : value.split(",", -1)) {
      if (item.isBlank()) {
        throw invalid(value, givenAs, "comma-separated values, none of them empty");
      }
      items.add(item.trim());
    }
    return List.copyOf(items);
  }

  /** The message shows the value cut to {@value #MAX_SHOWN} characters, control characters as {@code ?}. */
  private static ConnectorConfigException invalid(String value, String givenAs, String expected) {
    String cut = value.length() > MAX_SHOWN ? value.substring(0, MAX_SHOWN) + "..." : value;
    String shown = cut.replaceAll("\\p{Cntrl}", "?");
    return new ConnectorConfigException("Invalid " + givenAs + " '" + shown + "': expected " + expected);
  }

  /** The parts of an option's definition, named where the constants are declared; {@link #means} completes it. */
  private static final class Definition<T> {
    private final String name;
    private final Parser<T> parser;
    private String jdbcName;
    private String defaultValue;
    private boolean required;
    private boolean secret;
    private String expected;
    private Setter<T> setter;

    private Definition(String name, Parser<T> parser) {
      this.name = name;
      this.parser = parser;
    }

    Definition<T> jdbc(String value) {
      jdbcName = value;
      return this;
    }

    Definition<T> byDefault(String value) {
      defaultValue = value;
      return this;
    }

    Definition<T> required() {
      required = true;
      return this;
    }

    Definition<T> secret() {
      secret = true;
      return this;
    }

    Definition<T> configures(Setter<T> value) {
      setter = value;
      return this;
    }

    Definition<T> expects(String value) {
      expected = value;
      return this;
    }

    ConnectorOption<T> means(String description) {
      return new ConnectorOption<>(this, description);
    }
  }

  /** Turns trimmed, non-blank text into a value, or throws {@link ConnectorConfigException}. */
  @FunctionalInterface
  private interface Parser<T> {
    T parse(String value, String givenAs);
  }

  /** The {@link ConnectorConfig.Builder} method of a connector-level option. */
  @FunctionalInterface
  private interface Setter<T> {
    void set(ConnectorConfig.Builder builder, T value);
  }
}
