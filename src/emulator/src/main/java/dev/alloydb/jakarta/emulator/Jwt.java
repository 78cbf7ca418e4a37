package dev.alloydb.jakarta.emulator;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/** Verification of RS256 JSON Web Tokens signed by the service account's key. */
final class Jwt {
  private Jwt() {}

  static boolean looksLikeJwt(String token) {
    return token.chars().filter(c -> c == '.').count() == 2;
  }

  /**
   * Verifies the signature and expiry of {@code token} and returns its claims.
   *
   * @throws IllegalArgumentException saying what is wrong (never echoing the token)
   */
  static JsonObject verify(String token, PublicKey key, long nowEpochSeconds) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException("not a JWT (expected header.payload.signature)");
    }
    try {
      JsonObject header = JsonParser.parseString(decode(parts[0])).getAsJsonObject();
      if (!header.has("alg") || !"RS256".equals(header.get("alg").getAsString())) {
        throw new IllegalArgumentException("JWT must be signed with RS256");
      }
      Signature verifier = Signature.getInstance("SHA256withRSA");
      verifier.initVerify(key);
      verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      if (!verifier.verify(Base64.getUrlDecoder().decode(parts[2]))) {
        throw new IllegalArgumentException("JWT signature does not match the service account's key");
      }
      JsonObject claims = JsonParser.parseString(decode(parts[1])).getAsJsonObject();
      if (!claims.has("exp") || claims.get("exp").getAsLong() <= nowEpochSeconds) {
        throw new IllegalArgumentException("JWT is expired or has no exp claim");
      }
      return claims;
    } catch (GeneralSecurityException | RuntimeException e) {
      if (e instanceof IllegalArgumentException iae && iae.getMessage() != null
          && iae.getMessage().startsWith("JWT")) {
        throw iae;
      }
      throw new IllegalArgumentException("malformed JWT");
    }
  }

  static String claim(JsonObject claims, String name) {
    return claims.has(name) && claims.get(name).isJsonPrimitive() ? claims.get(name).getAsString() : "";
  }

  private static String decode(String part) {
    return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
  }
}
