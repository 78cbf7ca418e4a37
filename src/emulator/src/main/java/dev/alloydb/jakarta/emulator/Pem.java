package dev.alloydb.jakarta.emulator;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;

/** PEM encoding and decoding of the few object types the emulator exchanges. */
final class Pem {
  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

  private Pem() {}

  static String certificate(X509Certificate cert) {
    try {
      return encode("CERTIFICATE", cert.getEncoded());
    } catch (CertificateException e) {
      throw new IllegalStateException("cannot encode certificate", e);
    }
  }

  static String privateKey(PrivateKey key) {
    return encode("PRIVATE KEY", key.getEncoded());
  }

  static String encode(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  static X509Certificate parseCertificate(String pem) {
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(decode(pem, "CERTIFICATE")));
    } catch (CertificateException e) {
      throw new IllegalArgumentException("not a valid PEM certificate", e);
    }
  }

  /**
   * Parses an RSA public key in PEM, either {@code PUBLIC KEY} (SubjectPublicKeyInfo) or {@code RSA PUBLIC KEY}
   * (PKCS#1). Older Java connectors labelled SPKI bytes {@code RSA PUBLIC KEY}, so both encodings are tried under
   * either label.
   *
   * @throws IllegalArgumentException with a message saying what is expected
   */
  static PublicKey parsePublicKey(String pem) {
    Matcher m = BLOCK.matcher(pem == null ? "" : pem);
    if (!m.find() || !(m.group(1).equals("PUBLIC KEY") || m.group(1).equals("RSA PUBLIC KEY"))) {
      throw new IllegalArgumentException(
          "public_key must be a PEM block of type PUBLIC KEY (SPKI) or RSA PUBLIC KEY (PKCS#1)");
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(m.group(2).trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("public_key PEM body is not valid base64");
    }
    try {
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      try {
        return rsa.generatePublic(new X509EncodedKeySpec(der));
      } catch (GeneralSecurityException spkiFailed) {
        RSAPublicKey pkcs1 = RSAPublicKey.getInstance(der);
        return rsa.generatePublic(new RSAPublicKeySpec(pkcs1.getModulus(), pkcs1.getPublicExponent()));
      }
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new IllegalArgumentException("public_key is not an RSA public key in SPKI or PKCS#1 encoding");
    }
  }


  private static byte[] decode(String pem, String type) {
    Matcher m = BLOCK.matcher(pem);
    if (!m.find() || !m.group(1).equals(type)) {
      throw new IllegalArgumentException("expected a PEM block of type " + type);
    }
    return Base64.getMimeDecoder().decode(m.group(2).trim());
  }
}
