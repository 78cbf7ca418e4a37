package dev.alloydb.jakarta.testkit.tls;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away certificate authority for hostile test servers and peers: its own root, and leaf certificates for
 * servers and clients. Unlike the emulator's CA it can sign anything a test needs (a foreign CA, a wrong address).
 */
public final class TestCa {
  private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());
  private static final Duration CA_LIFETIME = Duration.ofDays(1);
  private static final Duration LEAF_LIFETIME = Duration.ofHours(2);

  private final KeyPair key;
  private final X509Certificate certificate;

  private TestCa(KeyPair key, X509Certificate certificate) {
    this.key = key;
    this.certificate = certificate;
  }

  /** A new self-signed CA named {@code CN=name}. */
  public static TestCa create(String name) throws Exception {
    KeyPair key = rsa();
    X500Name subject = new X500Name("CN=" + name);
    JcaX509v3CertificateBuilder builder = builder(subject, subject, key.getPublic(), CA_LIFETIME);
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    return new TestCa(key, sign(builder, key));
  }

  /** A fresh 2048-bit RSA key pair. */
  public static KeyPair rsa() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  /** The CA's own certificate. */
  public X509Certificate certificate() {
    return certificate;
  }

  /** A leaf certificate for {@code subjectKey}; {@code ipSans} become IP address SANs. */
  public X509Certificate issue(PublicKey subjectKey, String name, List<String> ipSans, Duration lifetime)
      throws Exception {
    JcaX509v3CertificateBuilder builder = builder(X500Name.getInstance(
        certificate.getSubjectX500Principal().getEncoded()), new X500Name("CN=" + name), subjectKey, lifetime);
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    if (!ipSans.isEmpty()) {
      GeneralName[] names = new GeneralName[ipSans.size()];
      for (int i = 0; i < names.length; i++) {
        names[i] = new GeneralName(GeneralName.iPAddress, InetAddress.getByName(ipSans.get(i)).getHostAddress());
      }
      builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
    }
    return sign(builder, key);
  }

  /** A leaf with a fresh key for {@code ipAddress} (no SAN if null). */
  public Leaf issue(String commonName, String ipAddress) throws Exception {
    KeyPair leafKey = rsa();
    List<String> sans = ipAddress == null ? List.of() : List.of(ipAddress);
    return new Leaf(leafKey, issue(leafKey.getPublic(), commonName, sans, LEAF_LIFETIME), certificate);
  }

  /** {@code certificate} as a PEM block. */
  public static String pem(X509Certificate certificate) throws Exception {
    return "-----BEGIN CERTIFICATE-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
        + "\n-----END CERTIFICATE-----\n";
  }

  /** A key pair and its certificate, issued by a {@link TestCa}. */
  public record Leaf(KeyPair key, X509Certificate certificate, X509Certificate issuer) {
    /** A server context presenting this leaf and trusting client certificates of the issuer. */
    public SSLContext serverContext(String protocol) throws GeneralSecurityException, IOException {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry("leaf", key.getPrivate(), new char[0], new X509Certificate[] {certificate, issuer});
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keys, new char[0]);
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("ca", issuer);
      TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
      tmf.init(trust);
      SSLContext context = SSLContext.getInstance(protocol);
      context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
      return context;
    }
  }

  private static JcaX509v3CertificateBuilder builder(X500Name issuer, X500Name subject, PublicKey key,
      Duration lifetime) {
    Instant now = Instant.now();
    return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIALS.incrementAndGet()),
        Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(lifetime)), subject, key);
  }

  private static X509Certificate sign(JcaX509v3CertificateBuilder builder, KeyPair signer) throws Exception {
    return new JcaX509CertificateConverter().getCertificate(
        builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer.getPrivate())));
  }
}
