package dev.alloydb.jakarta.testkit.secrets;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds secrets in text: the exact values it is told about (passwords, tokens, key material) and anything shaped
 * like an emulator access token, a PEM block or a DER body (certificate or key) in base64. Reports what kind of
 * secret it found, never the secret itself. Plain Java, so tests on
 * Payara can run it in the server.
 */
public final class SecretScanner {
  private static final Pattern EMULATOR_TOKEN = Pattern.compile("emu\\.[A-Za-z0-9_-]{20,}");
  /** A PEM header followed by its body (newlines real or JSON-escaped); a header with a redacted body is fine. */
  private static final Pattern PEM = Pattern.compile("-----BEGIN [A-Z ]+-----(\\s|\\\\n)*[A-Za-z0-9+/=]{16,}");
  /** DER SEQUENCEs of 256 bytes and more (every certificate and key) start with "MII" in base64. */
  private static final Pattern DER_BASE64 = Pattern.compile("MII[A-Za-z0-9+/]{60,}");

  private SecretScanner() {
  }

  /** A secret value to look for, named for the report. */
  public record Secret(String kind, String value) {
  }

  /** The kinds of secret found in {@code text}: the given values, and anything shaped like one. */
  public static List<String> scan(String text, Collection<Secret> secrets) {
    List<String> found = new ArrayList<>();
    for (Secret secret : secrets) {
      if (secret.value() != null && secret.value().length() >= 8 && text.contains(secret.value())) {
        found.add(secret.kind());
      }
    }
    if (EMULATOR_TOKEN.matcher(text).find()) {
      found.add("OAuth2 access token");
    }
    if (PEM.matcher(text).find()) {
      found.add("PEM block with its body");
    }
    if (DER_BASE64.matcher(text).find()) {
      found.add("certificate or key body (base64 DER)");
    }
    return found;
  }
}
