package dev.alloydb.jakarta.connector.internal;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A throw-away certificate authority for hostile test servers. */
final class TestCa {
  private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

  final KeyPair key;
  final X509Certificate certificate;

  private TestCa(KeyPair key, X509Certificate certificate) {
    this.key = key;
    this.certificate = certificate;
  }

  static KeyPair rsa() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  static TestCa create(String name) throws Exception {
    KeyPair key = rsa();
    X500Name subject = new X500Name("CN=" + name);
    JcaX509v3CertificateBuilder builder = builder(subject, subject, key.getPublic(), Duration.ofDays(1));
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    return new TestCa(key, sign(builder, key));
  }

  /** A leaf certificate; {@code ipSans} become IP address SANs. */
  X509Certificate issue(PublicKey subjectKey, String name, List<String> ipSans, Duration lifetime)
      throws Exception {
    JcaX509v3CertificateBuilder builder = builder(new X500Name(certificate.getSubjectX500Principal().getName()),
        new X500Name("CN=" + name), subjectKey, lifetime);
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    if (!ipSans.isEmpty()) {
      GeneralName[] names = ipSans.stream().map(ip -> new GeneralName(GeneralName.iPAddress, ip))
          .toArray(GeneralName[]::new);
      builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
    }
    return sign(builder, key);
  }

  private static JcaX509v3CertificateBuilder builder(X500Name issuer, X500Name subject, PublicKey key,
      Duration lifetime) {
    Instant now = Instant.now();
    return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIALS.incrementAndGet()),
        Date.from(now.minusSeconds(60)), Date.from(now.plus(lifetime)), subject, key);
  }

  private static X509Certificate sign(JcaX509v3CertificateBuilder builder, KeyPair key) throws Exception {
    return new JcaX509CertificateConverter().getCertificate(
        builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate())));
  }

  static String pem(X509Certificate certificate) throws Exception {
    return "-----BEGIN CERTIFICATE-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
        + "\n-----END CERTIFICATE-----\n";
  }
}
