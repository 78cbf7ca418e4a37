package dev.alloydb.jakarta.connector.internal;

import com.google.cloud.alloydb.connectors.v1.MetadataExchangeResponse;
import dev.alloydb.jakarta.testkit.tls.HostileServer;
import dev.alloydb.jakarta.testkit.tls.TestCa;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/** The ways a server-side proxy misbehaves in the connector's tests, each started as a test kit server. */
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
  CLOSE_AFTER_REQUEST,
  /** Completes TLS and answers the exchange with OK, then never sends another byte (a stalled login). */
  EXCHANGE_OK,
  /** Accepts TCP, then sends a TLS record header announcing 16 KiB and drips its body, one byte per 200 ms. */
  DRIP_HANDSHAKE,
  /** Completes TLS, reads the exchange, announces a 1000-byte response and drips it, one byte per 200 ms. */
  DRIP_EXCHANGE;

  private static final String LOOPBACK = "127.0.0.1";
  private static final long DRIP_MILLIS = 200;

  /** Starts this misbehaviour on 127.0.0.1; {@code trustedCa} is the CA the connector trusts for the instance. */
  HostileServer start(TestCa trustedCa) throws Exception {
    return start(trustedCa, LOOPBACK, 0);
  }

  /** Starts this misbehaviour on {@code address:port} (port 0: any free port); TLS modes only but SILENT. */
  HostileServer start(TestCa trustedCa, String address, int port) throws Exception {
    return switch (this) {
      case SILENT -> HostileServer.silent();
      case DRIP_HANDSHAKE -> HostileServer.plain(socket -> drip(socket.getOutputStream(),
          new byte[] {0x16, 0x03, 0x03, 0x40, 0x00}));
      case TLS12_ONLY -> tls(trustedCa.issue("hostile", address), address, port, "TLSv1.2", socket -> { });
      case FOREIGN_CA -> tls(TestCa.create("foreign-ca").issue("hostile", address), address, port, "TLSv1.3",
          socket -> { });
      case WRONG_ADDRESS -> tls(trustedCa.issue("hostile", "10.99.99.99"), address, port, "TLSv1.3", socket -> { });
      case GARBAGE_LENGTH -> tls(trustedCa.issue("hostile", address), address, port, "TLSv1.3", socket -> {
        OutputStream out = socket.getOutputStream();
        out.write(new byte[] {'E', 0, 0, 0, 'S', 'F', 'A', 'T', 'A', 'L'});
        out.flush();
      });
      case CLOSE_AFTER_REQUEST -> tls(trustedCa.issue("hostile", address), address, port, "TLSv1.3", socket -> { });
      case EXCHANGE_OK -> tls(trustedCa.issue("hostile", address), address, port, "TLSv1.3", socket -> {
        byte[] ok = MetadataExchangeResponse.newBuilder()
            .setResponseCode(MetadataExchangeResponse.ResponseCode.OK).build().toByteArray();
        OutputStream out = socket.getOutputStream();
        out.write(ByteBuffer.allocate(4 + ok.length).putInt(ok.length).put(ok).array());
        out.flush();
        Thread.sleep(Long.MAX_VALUE);
      });
      case DRIP_EXCHANGE -> tls(trustedCa.issue("hostile", address), address, port, "TLSv1.3",
          socket -> drip(socket.getOutputStream(), new byte[] {0, 0, 0x03, (byte) 0xe8}));
    };
  }

  private static HostileServer tls(TestCa.Leaf leaf, String address, int port, String protocol,
      HostileServer.Reply reply) throws Exception {
    return new HostileServer(address, port, leaf.serverContext("TLS"), new String[] {protocol}, reply);
  }

  /** Sends {@code header}, then one byte per 200 ms until the client closes the connection. */
  private static void drip(OutputStream out, byte[] header) throws IOException, InterruptedException {
    out.write(header);
    out.flush();
    while (true) {
      Thread.sleep(DRIP_MILLIS);
      out.write(1);
      out.flush();
    }
  }
}
