package dev.alloydb.jakarta.emulator;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A root CA and an intermediate CA that signs client certificates, like an AlloyDB cluster's. Immutable; a CA
 * rotation replaces the whole object.
 */
final class CertificateAuthority {
  private static final SecureRandom RANDOM = new SecureRandom();
  /** Certificates start a little in the past so that clock skew between threads never matters. */
  private static final Duration BACKDATE = Duration.ofMinutes(5);

  private final KeyPair rootKey;
  private final X509Certificate root;
  private final KeyPair intermediateKey;
  private final X509Certificate intermediate;

  private CertificateAuthority(
      KeyPair rootKey, X509Certificate root, KeyPair intermediateKey, X509Certificate intermediate) {
    this.rootKey = rootKey;
    this.root = root;
    this.intermediateKey = intermediateKey;
    this.intermediate = intermediate;
  }

  static CertificateAuthority create(String name) {
    Instant now = Instant.now();
    KeyPair rootKey = newCaKeyPair();
    X500Name rootName = new X500Name("CN=root." + name);
    X509Certificate root =
        sign(
            builder(rootName, rootName, rootKey.getPublic(), now, Duration.ofDays(3650))
                .caExtensions(rootKey.getPublic(), rootKey.getPublic()),
            rootKey.getPrivate());
    KeyPair intermediateKey = newCaKeyPair();
    X509Certificate intermediate =
        sign(
            builder(rootName, new X500Name("CN=client." + name), intermediateKey.getPublic(), now,
                    Duration.ofDays(3650))
                .caExtensions(intermediateKey.getPublic(), rootKey.getPublic()),
            rootKey.getPrivate());
    return new CertificateAuthority(rootKey, root, intermediateKey, intermediate);
  }

  /**
   * CA and server keys are EC P-256: generating one takes a millisecond where RSA-2048 takes hundreds on a loaded
   * machine, and emulator start-up time matters in CI. Clients neither see nor care about the CA's key type.
   */
  static KeyPair newCaKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("EC key generation unavailable", e);
    }
  }

  /** An RSA-2048 key pair, as connectors and service accounts use. */
  static KeyPair newKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048, RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA key generation unavailable", e);
    }
  }

  X509Certificate root() {
    return root;
  }

  X509Certificate intermediate() {
    return intermediate;
  }

  /** Signs {@code clientKey} with the intermediate; {@code notAfter} may lie in the past (expired certificate). */
  X509Certificate issueClient(PublicKey clientKey, Instant notBefore, Instant notAfter) {
    Builder b = new Builder(
        new JcaX509v3CertificateBuilder(
            X500Name.getInstance(intermediate.getSubjectX500Principal().getEncoded()),
            serial(),
            Date.from(notBefore),
            Date.from(notAfter),
            new X500Name("CN=alloydb-emulator-client"),
            clientKey));
    b.leafExtensions(clientKey, intermediateKey.getPublic(), KeyPurposeId.id_kp_clientAuth);
    return sign(b, intermediateKey.getPrivate());
  }

  /** A server certificate for a proxy or the Admin API, signed by the root, with the given SANs. */
  ServerIdentity issueServer(String commonName, List<String> ipAddresses, List<String> dnsNames) {
    KeyPair key = newCaKeyPair();
    Instant now = Instant.now();
    Builder b = builder(
        X500Name.getInstance(root.getSubjectX500Principal().getEncoded()),
        new X500Name("CN=" + commonName),
        key.getPublic(),
        now,
        Duration.ofDays(365));
    b.leafExtensions(key.getPublic(), rootKey.getPublic(), KeyPurposeId.id_kp_serverAuth);
    List<GeneralName> names = new ArrayList<>();
    ipAddresses.forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, ip)));
    dnsNames.forEach(dns -> names.add(new GeneralName(GeneralName.dNSName, dns)));
    b.add(Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(GeneralName[]::new)));
    X509Certificate cert = sign(b, rootKey.getPrivate());
    return new ServerIdentity(key.getPrivate(), List.of(cert, root));
  }

  private static Builder builder(
      X500Name issuer, X500Name subject, PublicKey key, Instant now, Duration lifetime) {
    return new Builder(
        new JcaX509v3CertificateBuilder(
            issuer,
            serial(),
            Date.from(now.minus(BACKDATE)),
            Date.from(now.plus(lifetime)),
            subject,
            key));
  }

  private static BigInteger serial() {
    return new BigInteger(64, RANDOM).abs().add(BigInteger.ONE);
  }

  private static X509Certificate sign(Builder b, PrivateKey signer) {
    try {
      return new JcaX509CertificateConverter()
          .getCertificate(b.delegate.build(new JcaContentSignerBuilder(
              signer.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA").build(signer)));
    } catch (OperatorCreationException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign certificate", e);
    }
  }

  /** Thin wrapper to add extensions without checked-exception noise. */
  private static final class Builder {
    private final X509v3CertificateBuilder delegate;

    Builder(X509v3CertificateBuilder delegate) {
      this.delegate = delegate;
    }

    Builder caExtensions(PublicKey subjectKey, PublicKey issuerKey) {
      add(Extension.basicConstraints, true, new BasicConstraints(true));
      add(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      keyIds(subjectKey, issuerKey);
      return this;
    }

    Builder leafExtensions(PublicKey subjectKey, PublicKey issuerKey, KeyPurposeId purpose) {
      add(Extension.basicConstraints, true, new BasicConstraints(false));
      int usage = subjectKey.getAlgorithm().equals("RSA")
          ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment
          : KeyUsage.digitalSignature;
      add(Extension.keyUsage, true, new KeyUsage(usage));
      add(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
      keyIds(subjectKey, issuerKey);
      return this;
    }

    private void keyIds(PublicKey subjectKey, PublicKey issuerKey) {
      try {
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        add(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKey));
        add(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuerKey));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }

    void add(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
      try {
        delegate.addExtension(oid, critical, value);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
