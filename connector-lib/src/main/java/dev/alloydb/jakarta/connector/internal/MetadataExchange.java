package dev.alloydb.jakarta.connector.internal;

import com.google.cloud.alloydb.connectors.v1.MetadataExchangeRequest;
import com.google.cloud.alloydb.connectors.v1.MetadataExchangeResponse;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.alloydb.jakarta.connector.MetadataExchangeException;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * The client side of the metadata exchange, run once TLS is up (so the token never travels in clear):
 *
 * <ol>
 *   <li>write a 4-byte big-endian length and a serialized {@code MetadataExchangeRequest} (user agent, auth type,
 *       OAuth2 token) in one write;</li>
 *   <li>read a 4-byte big-endian length, at most {@link #MAX_RESPONSE_BYTES}, then the
 *       {@code MetadataExchangeResponse}, all within the timeout;</li>
 *   <li>anything but {@code OK} fails with the server's message.</li>
 * </ol>
 */
final class MetadataExchange {
  /** Real responses are a few bytes; a larger length means the peer speaks something else (e.g. PostgreSQL). */
  static final int MAX_RESPONSE_BYTES = 16 * 1024;

  private MetadataExchange() {
  }

  static void run(Socket socket, InstanceUri instance, String userAgent, boolean iamAuth, String token,
      Duration timeout) {
    MetadataExchangeRequest request = MetadataExchangeRequest.newBuilder()
        .setUserAgent(userAgent)
        .setAuthType(iamAuth ? MetadataExchangeRequest.AuthType.AUTO_IAM
            : MetadataExchangeRequest.AuthType.DB_NATIVE)
        .setOauth2Token(token)
        .build();
    MetadataExchangeResponse response;
    try {
      socket.setSoTimeout(Math.toIntExact(Math.max(1, timeout.toMillis())));
      byte[] body = request.toByteArray();
      OutputStream out = socket.getOutputStream();
      out.write(ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).array());
      out.flush();
      DataInputStream in = new DataInputStream(socket.getInputStream());
      int length = in.readInt();
      if (length < 0 || length > MAX_RESPONSE_BYTES) {
        throw failure(instance, "the server answered with an invalid length prefix " + Integer.toUnsignedString(length)
            + " (expected at most " + MAX_RESPONSE_BYTES + " bytes): it does not speak the AlloyDB metadata"
            + " exchange", null);
      }
      byte[] payload = new byte[length];
      in.readFully(payload);
      response = MetadataExchangeResponse.parseFrom(payload);
      socket.setSoTimeout(0);
    } catch (SocketTimeoutException e) {
      throw failure(instance, "no response from the server within " + timeout, e);
    } catch (EOFException e) {
      throw failure(instance, "the server closed the connection before answering", e);
    } catch (InvalidProtocolBufferException e) {
      throw failure(instance, "the server's response is not a MetadataExchangeResponse", e);
    } catch (IOException e) {
      throw failure(instance, "I/O error: " + e.getMessage(), e);
    }
    if (response.getResponseCode() != MetadataExchangeResponse.ResponseCode.OK) {
      throw new MetadataExchangeException("[" + instance + "] The server refused the connection in the metadata"
          + " exchange (" + response.getResponseCode() + "): " + response.getError(), true, null);
    }
  }

  private static MetadataExchangeException failure(InstanceUri instance, String what, Throwable cause) {
    return new MetadataExchangeException("[" + instance + "] Metadata exchange failed: " + what, false, cause);
  }
}
