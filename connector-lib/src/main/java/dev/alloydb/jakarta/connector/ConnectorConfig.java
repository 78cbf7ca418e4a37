package dev.alloydb.jakarta.connector;

import com.google.auth.oauth2.GoogleCredentials;
import dev.alloydb.jakarta.connector.internal.AdminEndpoints;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The immutable configuration of a connector. Two configurations are equal when every option is equal; the
 * credentials object, the credentials supplier and the scheduler compare by their own {@code equals} (usually
 * identity). Build one with {@link #builder()}; {@link Builder#build()} rejects invalid values and combinations with
 * a {@link ConnectorConfigException}.
 *
 * <p>Credentials: Application Default Credentials unless exactly one of {@link Builder#credentialsFile(Path)},
 * {@link Builder#credentials(GoogleCredentials)} or {@link Builder#credentialsSupplier(Supplier)} is set. With
 * {@link Builder#targetPrincipal(String)} those credentials impersonate that service account, through the optional
 * {@link Builder#delegates(List) delegation chain}.
 */
public final class ConnectorConfig {
  /** The Admin API endpoint used when neither an endpoint nor a universe domain is configured. */
  public static final String DEFAULT_ADMIN_SERVICE_ENDPOINT = "alloydb.googleapis.com:443";

  /** The universe domain of Google Cloud, used when none is configured. */
  public static final String DEFAULT_UNIVERSE_DOMAIN = "googleapis.com";
  /** The longest user agent text accepted (it travels in an HTTP header and in every metadata exchange). */
  public static final int MAX_USER_AGENT = 256;
  static final String UNIVERSE_DOMAIN_FORM = "a DNS domain such as googleapis.com (letters, digits, - and .)";
  static final String USER_AGENT_FORM =
      "printable ASCII, at most " + MAX_USER_AGENT + " characters, such as my-app/1.2";
  private static final String LABEL = "[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?";
  private static final Pattern UNIVERSE_DOMAIN = Pattern.compile("(?=.{1,253}$)" + LABEL + "(\\." + LABEL + ")+");
  private static final Pattern USER_AGENT = Pattern.compile("[ -~]{1," + MAX_USER_AGENT + "}");

  /** Durations are bounded: a certificate lives an hour, and socket timeouts take whole milliseconds as an int. */
  private static final Duration MIN_DURATION = Duration.ofMillis(1);
  private static final Duration MAX_DURATION = Duration.ofHours(1);

  private static final Pattern ENDPOINT =
      Pattern.compile("(https?://)?(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9.-]+)(:[0-9]{1,5})?/?");

  private final IpType ipType;
  private final boolean enableIamAuth;
  private final RefreshStrategy refreshStrategy;
  private final Path credentialsFile;
  private final Path iamLoginCredentialsFile;
  private final GoogleCredentials credentials;
  private final Supplier<GoogleCredentials> credentialsSupplier;
  private final String targetPrincipal;
  private final List<String> delegates;
  private final String universeDomain;
  private final String adminServiceEndpoint;
  private final String quotaProject;
  private final String userAgent;
  private final ConnectorScheduler scheduler;
  private final Duration connectTimeout;
  private final Duration handshakeTimeout;
  private final Duration refreshTimeout;
  private final boolean metrics;

  private ConnectorConfig(Builder b) {
    ipType = b.ipType;
    enableIamAuth = b.enableIamAuth;
    refreshStrategy = b.refreshStrategy;
    credentialsFile = b.credentialsFile;
    iamLoginCredentialsFile = b.iamLoginCredentialsFile;
    credentials = b.credentials;
    credentialsSupplier = b.credentialsSupplier;
    targetPrincipal = b.targetPrincipal;
    delegates = List.copyOf(b.delegates);
    universeDomain = b.universeDomain;
    adminServiceEndpoint = b.adminServiceEndpoint;
    quotaProject = b.quotaProject;
    userAgent = b.userAgent;
    scheduler = b.scheduler;
    connectTimeout = b.connectTimeout;
    handshakeTimeout = b.handshakeTimeout;
    refreshTimeout = b.refreshTimeout;
    metrics = b.metrics;
  }

  /** A builder with every option at its default. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder initialised with this configuration's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.ipType = ipType;
    b.enableIamAuth = enableIamAuth;
    b.refreshStrategy = refreshStrategy;
    b.credentialsFile = credentialsFile;
    b.iamLoginCredentialsFile = iamLoginCredentialsFile;
    b.credentials = credentials;
    b.credentialsSupplier = credentialsSupplier;
    b.targetPrincipal = targetPrincipal;
    b.delegates = new ArrayList<>(delegates);
    b.universeDomain = universeDomain;
    b.adminServiceEndpoint = adminServiceEndpoint;
    b.quotaProject = quotaProject;
    b.userAgent = userAgent;
    b.scheduler = scheduler;
    b.connectTimeout = connectTimeout;
    b.handshakeTimeout = handshakeTimeout;
    b.refreshTimeout = refreshTimeout;
    b.metrics = metrics;
    return b;
  }

  /** The default IP type of connections; {@link IpType#PRIVATE} unless set. */
  public IpType ipType() {
    return ipType;
  }

  /** Whether connections log in with automatic IAM database authentication by default; false unless set. */
  public boolean enableIamAuth() {
    return enableIamAuth;
  }

  /** The refresh strategy; {@link RefreshStrategy#BACKGROUND} unless set. */
  public RefreshStrategy refreshStrategy() {
    return refreshStrategy;
  }

  /** The service-account or ADC JSON file to read credentials from, if set. */
  public Optional<Path> credentialsFile() {
    return Optional.ofNullable(credentialsFile);
  }

  /**
   * The credentials file whose principal's token is sent in the metadata exchange (the IAM database login), if set;
   * otherwise the Admin API credentials serve both.
   */
  public Optional<Path> iamLoginCredentialsFile() {
    return Optional.ofNullable(iamLoginCredentialsFile);
  }

  /** The credentials object, if set. */
  public Optional<GoogleCredentials> credentials() {
    return Optional.ofNullable(credentials);
  }

  /** The credentials supplier, if set; called once when the connector starts. */
  public Optional<Supplier<GoogleCredentials>> credentialsSupplier() {
    return Optional.ofNullable(credentialsSupplier);
  }

  /** The service account to impersonate, if set. */
  public Optional<String> targetPrincipal() {
    return Optional.ofNullable(targetPrincipal);
  }

  /** The impersonation delegation chain (unmodifiable; empty unless set). */
  public List<String> delegates() {
    return delegates;
  }

  /**
   * The universe domain (Google Cloud, or a Trusted Partner Cloud such as a sovereign cloud); {@value
   * #DEFAULT_UNIVERSE_DOMAIN} unless set. The credentials must belong to it.
   */
  public String universeDomain() {
    return universeDomain;
  }

  /**
   * The Admin API endpoint: {@code host:port} (HTTPS), {@code https://host:port} or {@code http://host:port}; unless
   * set, {@code alloydb.<universeDomain>:443}.
   */
  public String adminServiceEndpoint() {
    return adminServiceEndpoint != null ? adminServiceEndpoint : "alloydb." + universeDomain + ":443";
  }

  /** The project billed for Admin API quota, if set. */
  public Optional<String> quotaProject() {
    return Optional.ofNullable(quotaProject);
  }

  /** Text appended to the connector's user agent ({@code alloydb-jakarta-connector/<version>}), if set. */
  public Optional<String> userAgent() {
    return Optional.ofNullable(userAgent);
  }

  /** The caller-owned scheduler, if set; otherwise the connector owns a pool of daemon threads. */
  public Optional<ConnectorScheduler> scheduler() {
    return Optional.ofNullable(scheduler);
  }

  /** The TCP connect timeout; 10 seconds unless set. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** The timeout of the TLS handshake and of the metadata exchange response; 30 seconds unless set. */
  public Duration handshakeTimeout() {
    return handshakeTimeout;
  }

  /**
   * How long a connect waits for connection info, and the total time budget of one Admin API call including its
   * retries; 30 seconds unless set.
   */
  public Duration refreshTimeout() {
    return refreshTimeout;
  }

  /**
   * Whether the connector records metrics and publishes them through JMX and, when its API is present,
   * OpenTelemetry (metrics and spans); true unless set. The instance status is kept either way.
   */
  public boolean metrics() {
    return metrics;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ConnectorConfig)) {
      return false;
    }
    ConnectorConfig c = (ConnectorConfig) o;
    return ipType == c.ipType
        && enableIamAuth == c.enableIamAuth
        && refreshStrategy == c.refreshStrategy
        && Objects.equals(credentialsFile, c.credentialsFile)
        && Objects.equals(iamLoginCredentialsFile, c.iamLoginCredentialsFile)
        && Objects.equals(credentials, c.credentials)
        && Objects.equals(credentialsSupplier, c.credentialsSupplier)
        && Objects.equals(targetPrincipal, c.targetPrincipal)
        && delegates.equals(c.delegates)
        && universeDomain.equals(c.universeDomain)
        && Objects.equals(adminServiceEndpoint, c.adminServiceEndpoint)
        && Objects.equals(quotaProject, c.quotaProject)
        && Objects.equals(userAgent, c.userAgent)
        && Objects.equals(scheduler, c.scheduler)
        && connectTimeout.equals(c.connectTimeout)
        && handshakeTimeout.equals(c.handshakeTimeout)
        && refreshTimeout.equals(c.refreshTimeout)
        && metrics == c.metrics;
  }

  @Override
  public int hashCode() {
    return Objects.hash(ipType, enableIamAuth, refreshStrategy, credentialsFile, iamLoginCredentialsFile, credentials,
        credentialsSupplier, targetPrincipal, delegates, universeDomain, adminServiceEndpoint, quotaProject, userAgent,
        scheduler, connectTimeout, handshakeTimeout, refreshTimeout, metrics);
  }

  /** Describes the options; credentials appear only as their source, never their content. */
  @Override
  public String toString() {
    String source = credentialsFile != null ? "file " + credentialsFile
        : credentials != null ? "object " + credentials.getClass().getSimpleName()
        : credentialsSupplier != null ? "supplier" : "application default";
    return "ConnectorConfig{ipType=" + ipType + ", enableIamAuth=" + enableIamAuth
        + ", refreshStrategy=" + refreshStrategy + ", credentials=" + source
        + (targetPrincipal == null ? "" : ", targetPrincipal=" + targetPrincipal + ", delegates=" + delegates)
        + (iamLoginCredentialsFile == null ? "" : ", iamLoginCredentials=file " + iamLoginCredentialsFile)
        + ", universeDomain=" + universeDomain + ", adminServiceEndpoint=" + adminServiceEndpoint()
        + (quotaProject == null ? "" : ", quotaProject=" + quotaProject)
        + (userAgent == null ? "" : ", userAgent=" + userAgent)
        + ", scheduler=" + (scheduler == null ? "owned daemon threads" : "caller's")
        + ", connectTimeout=" + connectTimeout + ", handshakeTimeout=" + handshakeTimeout
        + ", refreshTimeout=" + refreshTimeout + (metrics ? "" : ", metrics=false") + "}";
  }

  /** Builds a {@link ConnectorConfig}. Not thread-safe. */
  public static final class Builder {
    private IpType ipType = IpType.PRIVATE;
    private boolean enableIamAuth;
    private RefreshStrategy refreshStrategy = RefreshStrategy.BACKGROUND;
    private Path credentialsFile;
    private Path iamLoginCredentialsFile;
    private GoogleCredentials credentials;
    private Supplier<GoogleCredentials> credentialsSupplier;
    private String targetPrincipal;
    private List<String> delegates = new ArrayList<>();
    private String universeDomain = DEFAULT_UNIVERSE_DOMAIN;
    private String adminServiceEndpoint;
    private String quotaProject;
    private String userAgent;
    private ConnectorScheduler scheduler;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration handshakeTimeout = Duration.ofSeconds(30);
    private Duration refreshTimeout = Duration.ofSeconds(30);
    private boolean metrics = true;

    private Builder() {
    }

    /** Default IP type of connections (per-connection property {@code ipType} overrides it). */
    public Builder ipType(IpType value) {
      ipType = value;
      return this;
    }

    /** Default for automatic IAM database authentication (per-connection {@code enableIamAuth} overrides it). */
    public Builder enableIamAuth(boolean value) {
      enableIamAuth = value;
      return this;
    }

    /** The refresh strategy. */
    public Builder refreshStrategy(RefreshStrategy value) {
      refreshStrategy = value;
      return this;
    }

    /** Read credentials from this JSON file (service account, authorized user, external account...). */
    public Builder credentialsFile(Path value) {
      credentialsFile = value;
      return this;
    }

    /**
     * Send the token of this credentials file's principal in the metadata exchange (the IAM database login), while
     * the other credentials call the Admin API.
     */
    public Builder iamLoginCredentialsFile(Path value) {
      iamLoginCredentialsFile = value;
      return this;
    }

    /** Use these credentials. */
    public Builder credentials(GoogleCredentials value) {
      credentials = value;
      return this;
    }

    /** Take credentials from this supplier when the connector starts. */
    public Builder credentialsSupplier(Supplier<GoogleCredentials> value) {
      credentialsSupplier = value;
      return this;
    }

    /** Impersonate this service account (email). */
    public Builder targetPrincipal(String value) {
      targetPrincipal = value;
      return this;
    }

    /** The impersonation delegation chain; needs a {@link #targetPrincipal(String) target principal}. */
    public Builder delegates(List<String> value) {
      delegates = value == null ? null : new ArrayList<>(value);
      return this;
    }

    /** The universe domain the credentials and the Admin API belong to, such as {@code googleapis.com}. */
    public Builder universeDomain(String value) {
      universeDomain = value;
      return this;
    }

    /**
     * Admin API endpoint: {@code host:port} (HTTPS), {@code https://host:port} or {@code http://host:port}; {@code
     * null} for {@code alloydb.<universeDomain>:443}.
     */
    public Builder adminServiceEndpoint(String value) {
      adminServiceEndpoint = value;
      return this;
    }

    /** Project billed for Admin API quota. */
    public Builder quotaProject(String value) {
      quotaProject = value;
      return this;
    }

    /**
     * Appended to the user agent sent to the Admin API and in the metadata exchange: printable ASCII, at most
     * {@value ConnectorConfig#MAX_USER_AGENT} characters.
     */
    public Builder userAgent(String value) {
      userAgent = value;
      return this;
    }

    /** Run all background work through this caller-owned scheduler. */
    public Builder scheduler(ConnectorScheduler value) {
      scheduler = value;
      return this;
    }

    /** TCP connect timeout (positive). */
    public Builder connectTimeout(Duration value) {
      connectTimeout = value;
      return this;
    }

    /** TLS handshake and metadata exchange timeout (positive). */
    public Builder handshakeTimeout(Duration value) {
      handshakeTimeout = value;
      return this;
    }

    /** Wait for connection info, and Admin API call budget (positive). */
    public Builder refreshTimeout(Duration value) {
      refreshTimeout = value;
      return this;
    }

    /** Record and publish metrics and spans (JMX, OpenTelemetry); true by default. */
    public Builder metrics(boolean value) {
      metrics = value;
      return this;
    }

    /**
     * Validates the options and builds the configuration.
     *
     * @throws ConnectorConfigException naming the option, the value and what is expected
     */
    public ConnectorConfig build() {
      require(ipType != null, "ipType must not be null: expected PRIVATE, PUBLIC or PSC");
      require(refreshStrategy != null, "refreshStrategy must not be null: expected BACKGROUND or LAZY");
      int sources = (credentialsFile != null ? 1 : 0) + (credentials != null ? 1 : 0)
          + (credentialsSupplier != null ? 1 : 0);
      require(sources <= 1, "Conflicting credential sources: set at most one of credentialsFile, credentials and"
          + " credentialsSupplier (none means Application Default Credentials)");
      targetPrincipal = blankToNull(targetPrincipal, "targetPrincipal");
      require(delegates != null, "delegates must not be null: expected a list of service-account emails");
      for (String delegate : delegates) {
        require(delegate != null && !delegate.isBlank(),
            "delegates must not contain blank entries: expected service-account emails, got " + delegates);
      }
      require(delegates.isEmpty() || targetPrincipal != null,
          "delegates " + delegates + " need a targetPrincipal: set the service account to impersonate");
      require(universeDomain != null && UNIVERSE_DOMAIN.matcher(universeDomain.trim()).matches(),
          "Invalid universeDomain '" + universeDomain + "': expected " + UNIVERSE_DOMAIN_FORM);
      universeDomain = universeDomain.trim();
      if (adminServiceEndpoint != null) {
        require(ENDPOINT.matcher(adminServiceEndpoint.trim()).matches(), "Invalid adminServiceEndpoint '"
            + adminServiceEndpoint + "': expected host:port, https://host:port, or http://host:port for a loopback"
            + " host only");
        adminServiceEndpoint = adminServiceEndpoint.trim();
        AdminEndpoints.requireSafe(adminServiceEndpoint);
      }
      quotaProject = blankToNull(quotaProject, "quotaProject");
      userAgent = blankToNull(userAgent, "userAgent");
      require(userAgent == null || USER_AGENT.matcher(userAgent).matches(), "Invalid userAgent '"
          + (userAgent == null ? "" : userAgent.replaceAll("[^ -~]", "?")) + "': expected " + USER_AGENT_FORM);
      requirePositive(connectTimeout, "connectTimeout");
      requirePositive(handshakeTimeout, "handshakeTimeout");
      requirePositive(refreshTimeout, "refreshTimeout");
      return new ConnectorConfig(this);
    }

    private static String blankToNull(String value, String option) {
      if (value == null) {
        return null;
      }
      require(!value.isBlank(), option + " must not be blank: leave it unset instead");
      return value.trim();
    }

    private static void requirePositive(Duration value, String option) {
      require(value != null && !value.isNegative() && !value.isZero(),
          option + " must be a positive duration, got " + value);
      require(value.compareTo(MIN_DURATION) >= 0 && value.compareTo(MAX_DURATION) <= 0,
          "Invalid " + option + " " + value + ": expected between " + MIN_DURATION + " and " + MAX_DURATION);
    }

    private static void require(boolean condition, String message) {
      if (!condition) {
        throw new ConnectorConfigException(message);
      }
    }
  }
}
