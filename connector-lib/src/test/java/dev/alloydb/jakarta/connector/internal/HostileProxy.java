package dev.alloydb.jakarta.connector.internal;

import dev.alloydb.jakarta.testkit.tls.HostileServer;
import dev.alloydb.jakarta.testkit.tls.TestCa;
import java.io.OutputStream;

/** The ways a server-side proxy on 127.0.0.1 misbehaves in {@link BadInputTest}, each started as a test kit server. */
enum HostileProxy {
  /** Accepts TCP and never sends a byte. */
  SILENT,
  /** TLS 1.2 only. */
  TLS12_ONLY,
  /** TLS 1.3 with a certificate from a CA the connector does not trust. */
  FOREIGN_CA,
  /** TLS 1.3, trusted CA, but the certificate names another address. */
  WRONG_ADDRESS,
  /** Completes TLS, then answers the exchange with a PostgreSQL ErrorResponse ('E...' as a huge length). */
  GARBAGE_LENGTH,
  /** Completes TLS and the exchange read, then closes. */
  CLOSE_AFTER_REQUEST;

  private static final String ADDRESS = "127.0.0.1";

  /** Starts this misbehaviour; {@code trustedCa} is the CA the connector trusts for the instance. */
  HostileServer start(TestCa trustedCa) throws Exception {
    return switch (this) {
      case SILENT -> HostileServer.silent();
      case TLS12_ONLY -> tls(trustedCa.issue("hostile", ADDRESS), "TLSv1.2", socket -> { });
      case FOREIGN_CA -> tls(TestCa.create("foreign-ca").issue("hostile", ADDRESS), "TLSv1.3", socket -> { });
      case WRONG_ADDRESS -> tls(trustedCa.issue("hostile", "10.99.99.99"), "TLSv1.3", socket -> { });
      case GARBAGE_LENGTH -> tls(trustedCa.issue("hostile", ADDRESS), "TLSv1.3", socket -> {
        OutputStream out = socket.getOutputStream();
        out.write(new byte[] {'E', 0, 0, 0, 'S', 'F', 'A', 'T', 'A', 'L'});
        out.flush();
      });
      case CLOSE_AFTER_REQUEST -> tls(trustedCa.issue("hostile", ADDRESS), "TLSv1.3", socket -> { });
    };
  }

  private static HostileServer tls(TestCa.Leaf leaf, String protocol, HostileServer.Reply reply) throws Exception {
    return new HostileServer(ADDRESS, leaf.serverContext("TLS"), new String[] {protocol}, reply);
  }
}
