package dev.alloydb.jakarta.connector.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the per-refresh TLS 1.3 context: the whole client chain and the key as key material (a
 * {@link ClientKeyManager}), only the instance CA as trust (the JDK's PKIX trust manager).
 */
final class TlsContexts {
  /** Client sessions kept per context: resumption only needs the newest one for each address. */
  static final int CLIENT_SESSION_CACHE_SIZE = 16;

  private TlsContexts() {
  }

  static X509Certificate parseCertificate(String pem) throws GeneralSecurityException {
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    return (X509Certificate) factory.generateCertificate(
        new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
  }

  static SSLContext build(KeyPair key, List<X509Certificate> chain, X509Certificate ca)
      throws GeneralSecurityException {
    try {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("instance-ca", ca);
      TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
      tmf.init(trust);

      SSLContext context = SSLContext.getInstance("TLSv1.3");
      context.init(new KeyManager[] {new ClientKeyManager(key.getPrivate(), chain)}, tmf.getTrustManagers(),
          new SecureRandom());
      // A full handshake leaves a resumable session behind; the JDK's default cache keeps 20,480 of them, softly
      // referenced so that they survive full collections: megabytes per connector when the server does not
      // resume them and a pool keeps replacing connections.
      context.getClientSessionContext().setSessionCacheSize(CLIENT_SESSION_CACHE_SIZE);
      return context;
    } catch (java.io.IOException e) {
      throw new GeneralSecurityException("Cannot build the in-memory trust store", e);
    }
  }
}
