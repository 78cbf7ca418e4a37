package dev.alloydb.jakarta.connector.internal;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ImpersonatedCredentials;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.alloydb.jakarta.connector.ConnectorConfig;
import dev.alloydb.jakarta.connector.ConnectorConfigException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Resolves the configured credential source into scoped credentials for the Admin API and for database logins.
 *
 * <p>A credentials file may be named by whoever writes JDBC URLs or pool properties, so it loads only the types
 * that hold a key or a refresh token: service account, authorized user and impersonated service account. Other
 * types (external account, executable-sourced and the like) make the client library read files, call URLs or run
 * programs the file names; the operator allows them per type with the system property
 * {@value #FILE_TYPES_PROPERTY}.
 */
final class Credentials {
  /** Comma-separated extra credentials-file types to accept, e.g. {@code external_account}. */
  static final String FILE_TYPES_PROPERTY = "dev.alloydb.jakarta.credentialsFileTypes";
  private static final Set<String> FILE_TYPES = Set.of("service_account", "authorized_user",
      "impersonated_service_account");
  static final String CLOUD_PLATFORM = "https://www.googleapis.com/auth/cloud-platform";
  static final String ALLOYDB_LOGIN = "https://www.googleapis.com/auth/alloydb.login";
  private static final int IMPERSONATION_LIFETIME_SECONDS = 3600;

  private final GoogleCredentials api;
  private final GoogleCredentials login;

  private Credentials(GoogleCredentials api, GoogleCredentials login) {
    this.api = api;
    this.login = login;
  }

  /**
   * Loads the credentials once.
   *
   * @throws ConnectorConfigException if the source cannot be read or yields nothing
   */
  static Credentials load(ConnectorConfig config) {
    return load(config, null);
  }

  /** As {@link #load(ConnectorConfig)}, with the IAM Credentials endpoint of impersonation overridden (tests). */
  static Credentials load(ConnectorConfig config, String iamEndpointOverride) {
    GoogleCredentials base = base(config);
    requireUniverse(base, config.universeDomain(), "credentials");
    GoogleCredentials login = null;
    if (config.iamLoginCredentialsFile().isPresent()) {
      login = fromFile(config.iamLoginCredentialsFile().get());
      requireUniverse(login, config.universeDomain(), "IAM login credentials");
    }
    if (config.targetPrincipal().isPresent()) {
      GoogleCredentials source = base.createScopedRequired() ? base.createScoped(CLOUD_PLATFORM) : base;
      ImpersonatedCredentials.Builder impersonated = ImpersonatedCredentials.newBuilder()
          .setSourceCredentials(source)
          .setTargetPrincipal(config.targetPrincipal().get())
          .setDelegates(config.delegates())
          .setScopes(List.of(CLOUD_PLATFORM))
          .setLifetime(IMPERSONATION_LIFETIME_SECONDS);
      if (iamEndpointOverride != null) {
        impersonated.setIamEndpointOverride(iamEndpointOverride);
      }
      base = impersonated.build();
    }
    return new Credentials(base.createScoped(CLOUD_PLATFORM),
        (login != null ? login : base).createScoped(ALLOYDB_LOGIN));
  }

  /**
   * Refuses credentials of another universe before any call: their tokens would be sent to an Admin API or an
   * instance that cannot accept them.
   */
  private static void requireUniverse(GoogleCredentials credentials, String universeDomain, String which) {
    String theirs;
    try {
      theirs = credentials.getUniverseDomain();
    } catch (IOException | RuntimeException e) {
      throw new ConnectorConfigException("Cannot tell the universe domain of the " + which + " ("
          + e.getClass().getSimpleName() + "): expected credentials of universe domain '" + universeDomain + "'", e);
    }
    if (!universeDomain.equals(theirs)) {
      throw new ConnectorConfigException("The " + which + " belong to universe domain '" + theirs + "', but the"
          + " connector is configured for universe domain '" + universeDomain + "': set universeDomain to '" + theirs
          + "' or use credentials of '" + universeDomain + "'");
    }
  }

  private static GoogleCredentials base(ConnectorConfig config) {
    if (config.credentials().isPresent()) {
      return config.credentials().get();
    }
    if (config.credentialsSupplier().isPresent()) {
      GoogleCredentials supplied;
      try {
        supplied = config.credentialsSupplier().get().get();
      } catch (RuntimeException e) {
        throw new ConnectorConfigException("The credentials supplier failed: " + e.getClass().getSimpleName(), e);
      }
      if (supplied == null) {
        throw new ConnectorConfigException("The credentials supplier returned null: expected GoogleCredentials");
      }
      return supplied;
    }
    if (config.credentialsFile().isPresent()) {
      return fromFile(config.credentialsFile().get());
    }
    try {
      return GoogleCredentials.getApplicationDefault();
    } catch (IOException e) {
      throw new ConnectorConfigException("Application Default Credentials are not available (" + e.getMessage()
          + "): set GOOGLE_APPLICATION_CREDENTIALS or configure a credentials file", e);
    }
  }

  private static GoogleCredentials fromFile(Path file) {
    byte[] json;
    String type;
    try {
      json = Files.readAllBytes(file);
      JsonElement parsed = JsonParser.parseString(new String(json, StandardCharsets.UTF_8));
      JsonElement typeField = parsed.isJsonObject() ? parsed.getAsJsonObject().get("type") : null;
      type = typeField != null && typeField.isJsonPrimitive() ? typeField.getAsString() : null;
    } catch (IOException | RuntimeException e) {
      throw unreadable(file, e);
    }
    if (type == null || !(FILE_TYPES.contains(type) || optedIn(type))) {
      throw new ConnectorConfigException("Credentials file " + file + " has type '" + type + "': expected"
          + " service_account, authorized_user or impersonated_service_account (to accept another type, start the"
          + " JVM with -D" + FILE_TYPES_PROPERTY + "=<type>, or pass the credentials object to the connector's"
          + " configuration)");
    }
    try (InputStream in = new ByteArrayInputStream(json)) {
      return GoogleCredentials.fromStream(in);
    } catch (IOException | RuntimeException e) {
      throw unreadable(file, e);
    }
  }

  private static boolean optedIn(String type) {
    String allowed = System.getProperty(FILE_TYPES_PROPERTY, "");
    return Arrays.stream(allowed.split(",")).map(String::trim).anyMatch(type::equals);
  }

  private static ConnectorConfigException unreadable(Path file, Exception e) {
    return new ConnectorConfigException("Cannot load credentials from file " + file + " ("
        + e.getClass().getSimpleName() + "): expected a Google credentials JSON file such as a service-account"
        + " key", e);
  }

  GoogleCredentials api() {
    return api;
  }

  GoogleCredentials login() {
    return login;
  }
}
