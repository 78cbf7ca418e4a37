package dev.alloydb.jakarta.emulator;

import com.google.cloud.alloydb.connectors.v1.MetadataExchangeRequest;
import com.google.cloud.alloydb.connectors.v1.MetadataExchangeResponse;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.alloydb.jakarta.emulator.ProxyConnection.Outcome;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.Optional;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;

/** One client connection to a proxy: TLS, metadata exchange, login checks, then a byte relay to PostgreSQL. */
final class ProxySession implements Runnable {
  /** Real requests are a few hundred bytes to a few KiB; a larger prefix is refused before anything is allocated. */
  static final int MAX_EXCHANGE_BYTES = 64 * 1024;
  private static final int IO_TIMEOUT_MS = 30_000;

  private final ProxyContext ctx;
  private final String ipType;
  private final SSLSocket tls;
  private final Socket tcp;

  private MetadataExchangeRequest.AuthType authType;
  private String userAgent = "";
  private String databaseUser = "";
  /** Each connection is recorded once, however it ends. */
  private boolean recorded;

  ProxySession(ProxyContext ctx, String ipType, Socket tcp, SSLSocket tls) {
    this.ctx = ctx;
    this.ipType = ipType;
    this.tcp = tcp;
    this.tls = tls;
  }

  @Override
  public void run() {
    ctx.counters().mark("proxy accepted");
    try {
      tls.setSoTimeout(IO_TIMEOUT_MS);
      try {
        tls.startHandshake();
      } catch (IOException e) {
        record(Outcome.REFUSED_TLS, "TLS handshake failed: " + e.getMessage());
        return;
      }
      ctx.counters().mark("proxy TLS done");
      if (ctx.faults().proxyCloseAfterHandshake()) {
        record(Outcome.FAULT, "closed after the TLS handshake (fault)");
        return;
      }
      DataInputStream in = new DataInputStream(new BufferedInputStream(tls.getInputStream()));
      OutputStream out = tls.getOutputStream();
      Optional<MetadataExchangeRequest> request = readExchange(in, out);
      if (request.isEmpty()) {
        return;
      }
      if (ctx.faults().proxyStall()) {
        record(Outcome.FAULT, "stalled the metadata exchange (fault)");
        ctx.faults().awaitNoStall(() -> !tls.isClosed());
        return;
      }
      String injected = ctx.faults().proxyExchangeError();
      if (injected != null) {
        answer(out, MetadataExchangeResponse.ResponseCode.ERROR, injected);
        record(Outcome.FAULT, "answered the metadata exchange with ERROR (fault)");
        return;
      }
      Optional<TokenService.Grant> grant = ctx.tokens().issuedToken(request.get().getOauth2Token());
      if (grant.isEmpty() || !grant.get().hasAnyScope(TokenService.CLOUD_PLATFORM, TokenService.ALLOYDB_LOGIN)) {
        refuseExchange(out, "the OAuth2 token was not issued by this AlloyDB emulator, has expired, or lacks the "
            + "scope cloud-platform or alloydb.login");
        return;
      }
      answer(out, MetadataExchangeResponse.ResponseCode.OK, "");
      ctx.counters().mark("proxy exchange done");
      login(in, out, grant.get());
    } catch (SSLException e) {
      record(Outcome.REFUSED_TLS, "TLS failed: " + e.getMessage());
    } catch (IOException e) {
      record(Outcome.REFUSED_EXCHANGE, "connection failed before the relay: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      record(Outcome.FAULT, "interrupted: the emulator is closing");
    } catch (RuntimeException e) {
      record(Outcome.REFUSED_EXCHANGE, "emulator error: " + e.getClass().getSimpleName());
    } finally {
      ctx.closeQuietly(tls);
      ctx.closeQuietly(tcp);
    }
  }

  private Optional<MetadataExchangeRequest> readExchange(DataInputStream in, OutputStream out) throws IOException {
    int length;
    try {
      length = in.readInt();
    } catch (SSLException e) {
      record(Outcome.REFUSED_TLS, "TLS failed after the handshake: " + e.getMessage());
      return Optional.empty();
    }
    if (length < 0 || length > MAX_EXCHANGE_BYTES) {
      refuseExchange(out, "metadata exchange request length " + Integer.toUnsignedString(length)
          + " exceeds the limit of " + MAX_EXCHANGE_BYTES + " bytes");
      return Optional.empty();
    }
    byte[] body = new byte[length];
    in.readFully(body);
    MetadataExchangeRequest request;
    try {
      request = MetadataExchangeRequest.parseFrom(body);
    } catch (InvalidProtocolBufferException e) {
      refuseExchange(out, "metadata exchange request is not a MetadataExchangeRequest message");
      return Optional.empty();
    }
    authType = request.getAuthType();
    userAgent = request.getUserAgent();
    return Optional.of(request);
  }

  private void login(DataInputStream in, OutputStream out, TokenService.Grant grant) throws IOException {
    PgWire.StartupPacket startup = PgWire.readStartup(in);
    while (startup.code() == PgWire.SSL_REQUEST || startup.code() == PgWire.GSSENC_REQUEST) {
      // TLS is already up: the client's driver must not negotiate it again, so decline like AlloyDB does.
      out.write('N');
      out.flush();
      startup = PgWire.readStartup(in);
    }
    databaseUser = startup.user();
    boolean autoIam = authType == MetadataExchangeRequest.AuthType.AUTO_IAM;
    if (startup.code() == PgWire.PROTOCOL_3) {
      String principalUser = ServiceAccount.databaseUserOf(grant.principal());
      if (autoIam && !databaseUser.equals(principalUser)) {
        refuseLogin(out, "AUTO_IAM login as \"" + databaseUser + "\" refused: the OAuth2 token belongs to \""
            + principalUser + "\", so the database user must be \"" + principalUser + "\"");
        return;
      }
      if (!autoIam && ctx.isIamUser(databaseUser)) {
        refuseLogin(out, "user \"" + databaseUser + "\" is an IAM database user and can log in only with "
            + "AUTO_IAM (enable IAM database authentication)");
        return;
      }
    } else if (startup.code() != PgWire.CANCEL_REQUEST) {
      refuseLogin(out, "unsupported PostgreSQL startup code " + startup.code() + " (protocol 3.0 expected)");
      return;
    }
    Socket pg = new Socket();
    ctx.track(pg);
    try {
      pg.connect(new InetSocketAddress(ctx.postgresHost(), ctx.postgresPort()), IO_TIMEOUT_MS);
      pg.setTcpNoDelay(true);
      OutputStream pgOut = pg.getOutputStream();
      DataInputStream pgIn = new DataInputStream(new BufferedInputStream(pg.getInputStream()));
      pgOut.write(startup.raw());
      pgOut.flush();
      if (autoIam) {
        answerIamPasswordRequest(pgIn, pgOut, out);
      }
      record(Outcome.ACCEPTED, "");
      tls.setSoTimeout(0);
      ctx.relay(in, pgOut, pg, tls);
      ctx.copy(pgIn, out);
    } finally {
      ctx.closeQuietly(pg);
    }
  }

  /**
   * PostgreSQL asks the IAM user for a password only the emulator knows (pg_hba method {@code password}); the token
   * check above stands in for AlloyDB's IAM verification, so answer that request and hide it from the client.
   */
  private void answerIamPasswordRequest(DataInputStream pgIn, OutputStream pgOut, OutputStream client)
      throws IOException {
    byte type = pgIn.readByte();
    int length = pgIn.readInt();
    if (length < 4 || length > PgWire.MAX_STARTUP) {
      throw new IOException("unexpected PostgreSQL message length " + length);
    }
    byte[] body = new byte[length - 4];
    pgIn.readFully(body);
    if (type == 'R' && body.length == 4 && ByteBuffer.wrap(body).getInt() == 3) {
      pgOut.write(PgWire.password(ctx.iamSecret()));
      pgOut.flush();
      return;
    }
    client.write(ByteBuffer.allocate(1 + length).put(type).putInt(length).put(body).array());
    client.flush();
  }

  private void refuseExchange(OutputStream out, String message) throws IOException {
    answer(out, MetadataExchangeResponse.ResponseCode.ERROR, message);
    record(Outcome.REFUSED_EXCHANGE, message);
  }

  private void refuseLogin(OutputStream out, String message) throws IOException {
    out.write(PgWire.fatal("28000", message));
    out.flush();
    record(Outcome.REFUSED_LOGIN, message);
  }

  private static void answer(OutputStream out, MetadataExchangeResponse.ResponseCode code, String error)
      throws IOException {
    byte[] body = MetadataExchangeResponse.newBuilder().setResponseCode(code).setError(error).build().toByteArray();
    DataOutputStream data = new DataOutputStream(out);
    data.writeInt(body.length);
    data.write(body);
    data.flush();
  }

  private void record(Outcome outcome, String detail) {
    if (recorded) {
      return;
    }
    recorded = true;
    ctx.counters().recordProxyConnection(
        new ProxyConnection(ctx.instanceUri(), ipType, authType, userAgent, databaseUser, outcome, detail));
  }
}
