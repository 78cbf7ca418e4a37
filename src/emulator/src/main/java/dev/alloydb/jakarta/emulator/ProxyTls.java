package dev.alloydb.jakarta.emulator;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS side of one instance's proxy for one CA generation: server certificate with the instance's SANs, TLS 1.3
 * only, client certificate required and verified (chain and validity) against that CA's root alone.
 */
final class ProxyTls {
  private final SSLContext context;
  private final EmulatedInstance instance;

  ProxyTls(CertificateAuthority ca, EmulatedInstance instance) {
    this.instance = instance;
    List<String> ips = new ArrayList<>(List.of(instance.privateAddress()));
    if (!ips.contains(instance.publicAddress())) {
      ips.add(instance.publicAddress());
    }
    String psc = instance.pscHost();
    List<String> dns = isIpLiteral(psc) ? List.of() : List.of(psc);
    if (isIpLiteral(psc) && !ips.contains(psc)) {
      ips.add(psc);
    }
    ServerIdentity identity = ca.issueServer(instance.instanceUid() + ".server.alloydb", ips, dns);
    try {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("root", ca.root());
      TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
      tmf.init(trust);
      context = SSLContext.getInstance("TLSv1.3");
      context.init(identity.keyManagers().getKeyManagers(), tmf.getTrustManagers(), null);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build the proxy's TLS context", e);
    }
  }

  EmulatedInstance instance() {
    return instance;
  }

  /** Wraps an accepted TCP socket as the server side of a mutual-TLS 1.3 session (handshake not yet started). */
  SSLSocket wrap(Socket tcp) throws IOException {
    SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(tcp, null, tcp.getPort(), true);
    tls.setUseClientMode(false);
    tls.setEnabledProtocols(new String[] {"TLSv1.3"});
    tls.setNeedClientAuth(true);
    return tls;
  }

  static boolean isIpLiteral(String host) {
    return host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
  }
}
