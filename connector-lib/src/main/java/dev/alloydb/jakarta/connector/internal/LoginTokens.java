package dev.alloydb.jakarta.connector.internal;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import dev.alloydb.jakarta.connector.ConnectorException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The alloydb.login-scoped OAuth2 token sent in every metadata exchange, fetched only when the cached one is within
 * a margin of its expiry. Thread-safe; concurrent callers share one fetch.
 */
final class LoginTokens {
  private static final Duration MARGIN = Duration.ofMinutes(5);

  private final GoogleCredentials credentials;
  private final Clock clock;
  private AccessToken cached;

  LoginTokens(GoogleCredentials credentials, Clock clock) {
    this.credentials = credentials;
    this.clock = clock;
  }

  /**
   * The raw token value (no {@code Bearer} prefix). Holding the lock during a fetch is deliberate: every caller
   * needs the same token, and a fetch is rare (about once an hour) and bounded by the HTTP timeouts.
   */
  synchronized String token(InstanceUri instance) {
    if (!usable(cached) && usable(credentials.getAccessToken())) {
      cached = credentials.getAccessToken();
    }
    if (!usable(cached)) {
      try {
        credentials.refresh();
      } catch (IOException | RuntimeException e) {
        throw new ConnectorException("[" + instance + "] Cannot get an OAuth2 token for the database login ("
            + e.getClass().getSimpleName() + "): check the connector's credentials", e);
      }
      AccessToken fresh = credentials.getAccessToken();
      if (fresh == null || fresh.getTokenValue() == null || fresh.getTokenValue().isEmpty()) {
        throw new ConnectorException("[" + instance + "] The credentials returned an empty OAuth2 token");
      }
      cached = fresh;
    }
    return cached.getTokenValue();
  }

  private boolean usable(AccessToken token) {
    if (token == null) {
      return false;
    }
    Instant expiry = token.getExpirationTime() == null ? null : token.getExpirationTime().toInstant();
    return expiry == null || clock.instant().plus(MARGIN).isBefore(expiry);
  }
}
