package dev.alloydb.jakarta.emulator;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The few PostgreSQL wire-protocol messages the proxy must understand before it relays bytes. */
final class PgWire {
  static final int PROTOCOL_3 = 196608;
  static final int SSL_REQUEST = 80877103;
  static final int GSSENC_REQUEST = 80877104;
  static final int CANCEL_REQUEST = 80877102;
  /** PostgreSQL's own limit for a startup packet. */
  static final int MAX_STARTUP = 10000;

  /** A startup-phase packet: its raw bytes (length prefix included) and, for a StartupMessage, its parameters. */
  record StartupPacket(int code, byte[] raw, Map<String, String> parameters) {
    String user() {
      return parameters.getOrDefault("user", "");
    }
  }

  private PgWire() {}

  /** Reads one untyped startup-phase packet (SSLRequest, GSSENCRequest, CancelRequest or StartupMessage). */
  static StartupPacket readStartup(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 8 || length > MAX_STARTUP) {
      throw new IOException("invalid PostgreSQL startup packet length " + length);
    }
    byte[] raw = new byte[length];
    ByteBuffer.wrap(raw).putInt(length);
    in.readFully(raw, 4, length - 4);
    int code = ByteBuffer.wrap(raw, 4, 4).getInt();
    Map<String, String> params = new HashMap<>();
    if (code == PROTOCOL_3) {
      int pos = 8;
      while (pos < length && raw[pos] != 0) {
        int keyEnd = indexOfZero(raw, pos, length);
        int valueEnd = indexOfZero(raw, keyEnd + 1, length);
        params.put(new String(raw, pos, keyEnd - pos, StandardCharsets.UTF_8),
            new String(raw, keyEnd + 1, valueEnd - keyEnd - 1, StandardCharsets.UTF_8));
        pos = valueEnd + 1;
      }
    }
    return new StartupPacket(code, raw, params);
  }

  /** A FATAL ErrorResponse, as PostgreSQL sends when it refuses a login. */
  static byte[] fatal(String sqlState, String message) {
    ByteArrayOutputStream fields = new ByteArrayOutputStream();
    field(fields, 'S', "FATAL");
    field(fields, 'V', "FATAL");
    field(fields, 'C', sqlState);
    field(fields, 'M', message);
    fields.write(0);
    byte[] body = fields.toByteArray();
    return ByteBuffer.allocate(1 + 4 + body.length).put((byte) 'E').putInt(4 + body.length).put(body).array();
  }

  /** A PasswordMessage carrying a cleartext password. */
  static byte[] password(String password) {
    byte[] pw = password.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(1 + 4 + pw.length + 1).put((byte) 'p').putInt(4 + pw.length + 1).put(pw).put((byte) 0)
        .array();
  }

  private static void field(ByteArrayOutputStream out, char type, String value) {
    out.write(type);
    out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
    out.write(0);
  }

  private static int indexOfZero(byte[] b, int from, int end) throws IOException {
    for (int i = from; i < end; i++) {
      if (b[i] == 0) {
        return i;
      }
    }
    throw new IOException("malformed PostgreSQL StartupMessage");
  }
}
