package dev.alloydb.jakarta.emulator;

import com.google.gson.JsonObject;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issues opaque OAuth2 access tokens for the service account (JWT-bearer grant) and recognises them, and the
 * account's self-signed JWTs, as bearer credentials.
 */
final class TokenService {
  static final String CLOUD_PLATFORM = "https://www.googleapis.com/auth/cloud-platform";
  static final String ALLOYDB_LOGIN = "https://www.googleapis.com/auth/alloydb.login";
  private static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A token the emulator issued, or a verified self-signed JWT. */
  record Grant(String principal, List<String> scopes, Instant expiry) {
    boolean hasAnyScope(String... wanted) {
      return scopes.isEmpty() || Arrays.stream(wanted).anyMatch(scopes::contains);
    }
  }

  private final ServiceAccount account;
  private final Faults faults;
  private final Counters counters;
  private final Map<String, Grant> issued = new ConcurrentHashMap<>();

  TokenService(ServiceAccount account, Faults faults, Counters counters) {
    this.account = account;
    this.faults = faults;
    this.counters = counters;
  }

  /**
   * Handles a token request body ({@code application/x-www-form-urlencoded} parameters).
   *
   * @return the JSON response
   * @throws IllegalArgumentException for an invalid grant (answered with HTTP 400 {@code invalid_grant})
   */
  String exchange(Map<String, String> form) {
    if (!JWT_BEARER.equals(form.get("grant_type"))) {
      throw new IllegalArgumentException("unsupported grant_type; expected " + JWT_BEARER);
    }
    String assertion = form.getOrDefault("assertion", "");
    JsonObject claims = Jwt.verify(assertion, account.key().getPublic(), Instant.now().getEpochSecond());
    if (!account.email().equals(Jwt.claim(claims, "iss"))) {
      throw new IllegalArgumentException("assertion issuer is not the emulator's service account");
    }
    List<String> scopes = Arrays.stream(Jwt.claim(claims, "scope").split(" "))
        .filter(s -> !s.isEmpty())
        .toList();
    if (scopes.isEmpty()) {
      throw new IllegalArgumentException("assertion has no scope claim");
    }
    Duration lifetime = faults.accessTokenLifetime();
    String token = "emu." + base64(32);
    issued.put(token, new Grant(account.email(), scopes, Instant.now().plus(lifetime)));
    counters.recordToken(scopes);
    JsonObject response = new JsonObject();
    response.addProperty("access_token", token);
    response.addProperty("token_type", "Bearer");
    response.addProperty("expires_in", lifetime.toSeconds());
    response.addProperty("scope", String.join(" ", scopes));
    return response.toString();
  }

  /** The grant behind an access token the emulator issued, if it is known and unexpired. */
  Optional<Grant> issuedToken(String token) {
    Grant grant = issued.get(token);
    if (grant == null || !grant.expiry().isAfter(Instant.now())) {
      return Optional.empty();
    }
    return Optional.of(grant);
  }

  /**
   * Checks a bearer credential for the Admin API: an unexpired token the emulator issued, or a self-signed JWT of
   * the service account.
   *
   * @throws IllegalArgumentException saying why it is not accepted
   */
  Grant bearer(String token) {
    Optional<Grant> grant = issuedToken(token);
    if (grant.isPresent()) {
      return grant.get();
    }
    if (Jwt.looksLikeJwt(token)) {
      JsonObject claims = Jwt.verify(token, account.key().getPublic(), Instant.now().getEpochSecond());
      if (!account.email().equals(Jwt.claim(claims, "iss"))) {
        throw new IllegalArgumentException("self-signed JWT issuer is not the emulator's service account");
      }
      return new Grant(account.email(), List.of(), Instant.ofEpochSecond(claims.get("exp").getAsLong()));
    }
    throw new IllegalArgumentException("the access token was not issued by this emulator or has expired");
  }

  private static String base64(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
