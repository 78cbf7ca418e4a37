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

/**
 * The client side of the metadata exchange, run once TLS is up (so the token never travels in clear):
 *
 * <ol>
 *   <li>write a 4-byte big-endian length and a serialized {@code MetadataExchangeRequest} (user agent, auth type,
 *       OAuth2 token) in one write;</li>
 *   <li>read a 4-byte big-endian length, at most {@link #MAX_RESPONSE_BYTES}, then the
 *       {@code MetadataExchangeResponse}, all before the {@link Deadline}, however slowly the bytes come;</li>
 *   <li>anything but {@code OK} fails with the server's message.</li>
 * </ol>
 */
final class MetadataExchange {
  /** Real responses are a few bytes; a larger length means the peer speaks something else (e.g. PostgreSQL). */
  static final int MAX_RESPONSE_BYTES = 16 * 1024;

  private MetadataExchange() {
  }

  static void run(Socket socket, InstanceUri instance, String userAgent, boolean iamAuth, String token,
      Deadline deadline) {
    MetadataExchangeRequest request = MetadataExchangeRequest.newBuilder()
        .setUserAgent(userAgent)
        .setAuthType(iamAuth ? MetadataExchangeRequest.AuthType.AUTO_IAM
            : MetadataExchangeRequest.AuthType.DB_NATIVE)
        .setOauth2Token(token)
        .build();
    MetadataExchangeResponse response;
    try {
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
      if (!deadline.end()) {
        throw timedOut(instance, deadline, null);
      }
      socket.setSoTimeout(0);
    } catch (SocketTimeoutException e) {
      throw timedOut(instance, deadline, e);
    } catch (IOException e) {
      if (deadline.expired()) {
        throw timedOut(instance, deadline, e);
      }
      throw ioFailure(instance, e);
    } finally {
      deadline.end();
    }
    if (response.getResponseCode() != MetadataExchangeResponse.ResponseCode.OK) {
      throw new MetadataExchangeException("[" + instance + "] The server refused the connection in the metadata"
          + " exchange (" + response.getResponseCode() + "): " + response.getError(), true, null);
    }
  }

  private static MetadataExchangeException timedOut(InstanceUri instance, Deadline deadline, Throwable cause) {
    return failure(instance, "no response from the server within " + deadline.budget(), cause);
  }

  private static MetadataExchangeException ioFailure(InstanceUri instance, IOException e) {
    if (e instanceof EOFException) {
      return failure(instance, "the server closed the connection before answering", e);
    }
    if (e instanceof InvalidProtocolBufferException) {
      return failure(instance, "the server's response is not a MetadataExchangeResponse", e);
    }
    return failure(instance, "I/O error: " + e.getMessage(), e);
  }

  private static MetadataExchangeException failure(InstanceUri instance, String what, Throwable cause) {
    return new MetadataExchangeException("[" + instance + "] Metadata exchange failed: " + what, false, cause);
  }
}
