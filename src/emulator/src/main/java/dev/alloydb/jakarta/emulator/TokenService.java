package dev.alloydb.jakarta.emulator;

import com.google.gson.JsonObject;
import io.grpc.Status;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
  /** google-auth-library signs for this audience even when token_uri points elsewhere. */
  private static final String GOOGLE_TOKEN_URI = "https://oauth2.googleapis.com/token";
  private static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
  private static final SecureRandom RANDOM = new SecureRandom();
  /** Expired tokens are forgotten once this many are remembered, so a long standalone run stays small. */
  private static final int MAX_REMEMBERED = 10_000;

  /** A token the emulator issued, or a verified self-signed JWT. */
  record Grant(String principal, List<String> scopes, Instant expiry) {
    boolean hasAnyScope(String... wanted) {
      return scopes.isEmpty() || Arrays.stream(wanted).anyMatch(scopes::contains);
    }
  }

  private final ServiceAccount account;
  private final String impersonationTarget;
  private final Faults faults;
  private final Counters counters;
  private final Map<String, Grant> issued = new ConcurrentHashMap<>();
  private volatile String ownTokenUri = GOOGLE_TOKEN_URI;

  TokenService(ServiceAccount account, String impersonationTarget, Faults faults, Counters counters) {
    this.account = account;
    this.impersonationTarget = impersonationTarget;
    this.faults = faults;
    this.counters = counters;
  }

  /** The emulator's own token endpoint, accepted as an assertion audience too; known once its server is up. */
  void ownTokenUri(String uri) {
    this.ownTokenUri = uri;
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
    String audience = Jwt.claim(claims, "aud");
    if (!audience.equals(GOOGLE_TOKEN_URI) && !audience.equals(ownTokenUri)) {
      throw new IllegalArgumentException("assertion audience must be " + GOOGLE_TOKEN_URI + " or " + ownTokenUri);
    }
    List<String> scopes = Arrays.stream(Jwt.claim(claims, "scope").split(" "))
        .filter(s -> !s.isEmpty())
        .toList();
    if (scopes.isEmpty()) {
      throw new IllegalArgumentException("assertion has no scope claim");
    }
    Duration lifetime = faults.accessTokenLifetime();
    String token = issue(account.email(), scopes, lifetime);
    JsonObject response = new JsonObject();
    response.addProperty("access_token", token);
    response.addProperty("token_type", "Bearer");
    response.addProperty("expires_in", lifetime.toSeconds());
    response.addProperty("scope", String.join(" ", scopes));
    return response.toString();
  }

  /**
   * IAM Credentials {@code generateAccessToken}: the emulator's service account may mint tokens for the
   * impersonation target (and for itself), directly or through delegates among those two.
   *
   * @throws AdminException in Google's error vocabulary (UNAUTHENTICATED, PERMISSION_DENIED, NOT_FOUND,
   *     INVALID_ARGUMENT)
   */
  String generateAccessToken(String bearer, String target, JsonObject body) throws AdminException {
    Grant caller;
    try {
      caller = bearer(bearer);
    } catch (IllegalArgumentException e) {
      throw new AdminException(Status.Code.UNAUTHENTICATED, "invalid credentials: " + e.getMessage());
    }
    if (!caller.principal().equals(account.email())) {
      throw new AdminException(Status.Code.PERMISSION_DENIED,
          caller.principal() + " may not create tokens for " + target);
    }
    List<String> known = List.of(account.email(), impersonationTarget);
    if (!known.contains(target)) {
      throw new AdminException(Status.Code.NOT_FOUND, "service account " + target + " not found; the "
          + "emulator knows " + known);
    }
    List<String> delegates = new ArrayList<>();
    if (body.has("delegates")) {
      body.getAsJsonArray("delegates").forEach(d -> delegates.add(d.getAsString()));
    }
    for (String delegate : delegates) {
      String email = delegate.substring(delegate.lastIndexOf('/') + 1);
      if (!known.contains(email)) {
        throw new AdminException(Status.Code.NOT_FOUND, "delegate " + email + " not found");
      }
    }
    List<String> scopes = new ArrayList<>();
    if (body.has("scope")) {
      body.getAsJsonArray("scope").forEach(sc -> scopes.add(sc.getAsString()));
    }
    if (scopes.isEmpty()) {
      throw new AdminException(Status.Code.INVALID_ARGUMENT, "scope must list at least one OAuth2 scope");
    }
    Duration lifetime = Duration.ofHours(1);
    if (body.has("lifetime")) {
      String text = body.get("lifetime").getAsString();
      try {
        lifetime = Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
      } catch (RuntimeException e) {
        throw new AdminException(Status.Code.INVALID_ARGUMENT,
            "lifetime must be a duration in seconds such as \"3600s\"");
      }
    }
    if (faults.accessTokenLifetime().compareTo(lifetime) < 0) {
      lifetime = faults.accessTokenLifetime();
    }
    String token = issue(target, scopes, lifetime);
    JsonObject response = new JsonObject();
    response.addProperty("accessToken", token);
    response.addProperty("expireTime",
        Instant.now().plus(lifetime).truncatedTo(ChronoUnit.SECONDS).toString());
    return response.toString();
  }

  private String issue(String principal, List<String> scopes, Duration lifetime) {
    String token = "emu." + base64(32);
    if (issued.size() > MAX_REMEMBERED) {
      Instant now = Instant.now();
      issued.values().removeIf(g -> !g.expiry().isAfter(now));
    }
    issued.put(token, new Grant(principal, scopes, Instant.now().plus(lifetime)));
    counters.recordToken(scopes);
    counters.mark("token issued");
    return token;
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
