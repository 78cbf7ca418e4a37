package dev.alloydb.jakarta.ra.config;

/**
 * Every setting of an AlloyDB connection pool: its config-property name on the managed connection factory, its
 * MicroProfile Config key, its default and the form a value must have.
 */
public enum Setting {
  /** Full instance URI; required. */
  INSTANCE_URI("instanceUri", "alloydb.instance-uri", null,
      "projects/<PROJECT>/locations/<REGION>/clusters/<CLUSTER>/instances/<INSTANCE>"),
  /** Which instance address to dial. */
  IP_TYPE("ipType", "alloydb.ip-type", "PRIVATE", "one of PRIVATE, PUBLIC, PSC"),
  /** Log in with the credentials' IAM principal instead of a password. */
  ENABLE_IAM_AUTH("enableIamAuth", "alloydb.enable-iam-auth", "false", "true or false"),
  /** Database user; required. */
  USER("user", "alloydb.user", null, "a database user name"),
  /** Database password; ignored with IAM authentication. */
  PASSWORD("password", "alloydb.password", null, "the database user's password"),
  /** Database name. */
  DATABASE("database", "alloydb.database", "postgres", "a database name"),
  /** How the connector keeps certificates fresh. */
  REFRESH_STRATEGY("refreshStrategy", "alloydb.refresh-strategy", "BACKGROUND",
      "one of BACKGROUND, LAZY (REFRESH_AHEAD means BACKGROUND)"),
  /** Admin API endpoint override. */
  ADMIN_SERVICE_ENDPOINT("adminServiceEndpoint", "alloydb.admin-service-endpoint", null,
      "host:port, https://host:port or http://host:port"),
  /** Project billed for Admin API quota. */
  QUOTA_PROJECT("quotaProject", "alloydb.quota-project", null, "a Google Cloud project ID"),
  /** Google credentials JSON file instead of Application Default Credentials. */
  CREDENTIALS_FILE("credentialsFile", "alloydb.credentials-file", null,
      "the path of a readable Google credentials JSON file"),
  /** Service account to impersonate. */
  TARGET_PRINCIPAL("targetPrincipal", "alloydb.target-principal", null, "a service account e-mail address"),
  /** Delegation chain for impersonation. */
  DELEGATES("delegates", "alloydb.delegates", null,
      "comma-separated service account e-mail addresses, with targetPrincipal set");

  private final String property;
  private final String configKey;
  private final String defaultValue;
  private final String expected;

  Setting(String property, String configKey, String defaultValue, String expected) {
    this.property = property;
    this.configKey = configKey;
    this.defaultValue = defaultValue;
    this.expected = expected;
  }

  /** The config-property name on the managed connection factory (pool property). */
  public String property() {
    return property;
  }

  /** The MicroProfile Config key (environment variable: upper case, dots and dashes as underscores). */
  public String configKey() {
    return configKey;
  }

  /** The default, or {@code null} when there is none. */
  public String defaultValue() {
    return defaultValue;
  }

  /** The form a value must have, for error messages. */
  public String expected() {
    return expected;
  }

  /** Whether values of this setting must never appear in messages or logs. */
  public boolean secret() {
    return this == PASSWORD;
  }
}
