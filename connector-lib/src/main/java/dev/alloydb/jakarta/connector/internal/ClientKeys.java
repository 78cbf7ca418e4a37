package dev.alloydb.jakarta.connector.internal;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** The connector's RSA-2048 key pair and the PEM form of its public key sent to the Admin API. */
final class ClientKeys {
  private ClientKeys() {
  }

  static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("This JVM has no RSA key generator", e);
    }
  }

  /** SubjectPublicKeyInfo PEM ({@code PUBLIC KEY}), as Google's connectors send it. */
  static String publicKeyPem(KeyPair key) {
    String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getPublic().getEncoded());
    return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
  }
}
