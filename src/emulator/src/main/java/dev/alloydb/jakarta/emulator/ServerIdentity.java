package dev.alloydb.jakarta.emulator;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;

/** A server's private key and certificate chain (leaf first). */
record ServerIdentity(PrivateKey key, List<X509Certificate> chain) {

  KeyManagerFactory keyManagers() {
    try {
      char[] pass = new char[0];
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry("server", key, pass, chain.toArray(X509Certificate[]::new));
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(ks, pass);
      return kmf;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build key manager", e);
    }
  }

  String chainPem() {
    StringBuilder sb = new StringBuilder();
    chain.forEach(c -> sb.append(Pem.certificate(c)));
    return sb.toString();
  }
}
