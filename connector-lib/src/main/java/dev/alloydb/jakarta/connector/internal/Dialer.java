package dev.alloydb.jakarta.connector.internal;

import dev.alloydb.jakarta.connector.ConnectorException;
import dev.alloydb.jakarta.connector.ConnectorScheduler;
import dev.alloydb.jakarta.connector.DialException;
import dev.alloydb.jakarta.connector.IpType;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Opens a connection to an instance's server-side proxy: TCP with a connect timeout, then TLS 1.3 only with the
 * client chain of the current {@link ConnectionInfo}, server identity checked against the address dialled (HTTPS
 * endpoint identification, SNI for names), then the {@link MetadataExchange}. The handshake and the exchange each
 * end at a {@link Deadline}, however slowly the peer sends. A socket that fails or times out at any step is closed
 * before the error is thrown. Stateless and thread-safe.
 */
final class Dialer {
  /** The server-side proxy port of every AlloyDB instance. */
  static final int SERVER_PROXY_PORT = 5433;
  private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|.*:.*");

  private final int port;
  private final Duration connectTimeout;
  private final Duration handshakeTimeout;
  private final String userAgent;
  private final ConnectorScheduler timers;

  /** {@code timers} runs the deadlines' timers only, never a dial. */
  Dialer(int port, Duration connectTimeout, Duration handshakeTimeout, String userAgent, ConnectorScheduler timers) {
    this.port = port;
    this.timers = timers;
    this.connectTimeout = connectTimeout;
    this.handshakeTimeout = handshakeTimeout;
    this.userAgent = userAgent;
  }

  /** Dials, reporting to no telemetry. */
  Socket dial(InstanceUri instance, ConnectionInfo info, IpType ipType, boolean iamAuth,
      java.util.function.Supplier<String> token) {
    return dial(instance, info, ipType, iamAuth, token, DialObservation.NONE);
  }

  /** Dials, reporting each step to {@code observation}; the token is only read after TLS is up. */
  Socket dial(InstanceUri instance, ConnectionInfo info, IpType ipType, boolean iamAuth,
      java.util.function.Supplier<String> token, DialObservation observation) {
    String address = info.address(ipType);
    Socket raw = new Socket();
    try {
      observation.enter(DialPhase.TCP);
      connect(raw, instance, address);
      observation.enter(DialPhase.TLS);
      SSLSocket tls = handshake(raw, instance, info, address);
      observation.enter(DialPhase.CREDENTIALS);
      String login = token.get();
      observation.enter(DialPhase.EXCHANGE);
      MetadataExchange.run(tls, instance, userAgent, iamAuth, login, Deadline.start(raw, handshakeTimeout, timers));
      return tls;
    } catch (ConnectorException | Error e) {
      // closing the TCP socket, not the TLS layer: a TLS close would wait for a silent peer's close_notify
      closeQuietly(raw);
      throw e;
    } catch (IOException | RuntimeException e) {
      closeQuietly(raw);
      throw new DialException("[" + instance + "] Connecting to " + address + " failed: " + e, e);
    }
  }

  private void connect(Socket raw, InstanceUri instance, String address) {
    try {
      raw.setKeepAlive(true);
      raw.setTcpNoDelay(true);
      raw.connect(new InetSocketAddress(address, port), Math.toIntExact(connectTimeout.toMillis()));
    } catch (SocketTimeoutException e) {
      throw new DialException("[" + instance + "] TCP connect to " + address + ":" + port + " timed out after "
          + connectTimeout + ": check the network path to the instance and the IP type", e);
    } catch (ConnectException e) {
      throw new DialException("[" + instance + "] TCP connect to " + address + ":" + port + " was refused ("
          + e.getMessage() + "): check the IP type and that the instance is running", e);
    } catch (UnknownHostException e) {
      throw new DialException("[" + instance + "] Cannot resolve " + address + ": for PSC, check the DNS record"
          + " of the instance's PSC name", e);
    } catch (IOException e) {
      throw new DialException("[" + instance + "] TCP connect to " + address + ":" + port + " failed: "
          + e.getMessage(), e);
    }
  }

  private SSLSocket handshake(Socket raw, InstanceUri instance, ConnectionInfo info, String address) {
    SSLSocket tls;
    try {
      tls = (SSLSocket) info.sslContext().getSocketFactory().createSocket(raw, address, port, true);
    } catch (IOException e) {
      throw new DialException("[" + instance + "] Cannot start TLS with " + address + ": " + e.getMessage(), e);
    }
    Deadline deadline = null;
    try {
      SSLParameters params = tls.getSSLParameters();
      params.setProtocols(new String[] {"TLSv1.3"});
      params.setEndpointIdentificationAlgorithm("HTTPS");
      if (!IP_LITERAL.matcher(address).matches()) {
        params.setServerNames(List.of(new SNIHostName(address)));
      }
      tls.setSSLParameters(params);
      deadline = Deadline.start(raw, handshakeTimeout, timers);
      tls.startHandshake();
      if (!deadline.end()) {
        throw timedOut(instance, address, null);
      }
      return tls;
    } catch (DialException e) {
      throw e;
    } catch (SocketTimeoutException e) {
      throw timedOut(instance, address, e);
    } catch (IOException | RuntimeException e) {
      if (deadline != null && deadline.expired()) {
        throw timedOut(instance, address, e);
      }
      throw new DialException("[" + instance + "] TLS 1.3 handshake with " + address + " failed: "
          + reason(e, address), e);
    } finally {
      if (deadline != null) {
        deadline.end();
      }
    }
  }

  private DialException timedOut(InstanceUri instance, String address, Exception cause) {
    return new DialException("[" + instance + "] TLS handshake with " + address + " timed out after "
        + handshakeTimeout + ": the server accepted TCP but did not complete the handshake in time", cause);
  }

  /** Our own words for the failures users meet; the JDK's message otherwise (it varies between JDKs). */
  private static String reason(Exception e, String address) {
    if (hasCause(e, CertPathValidatorException.class) || hasCause(e, CertPathBuilderException.class)) {
      return "the server's certificate is not signed by the instance's CA (the CA rotated, or this is not the"
          + " instance)";
    }
    if (hasCause(e, CertificateException.class)) {
      return "the server's certificate does not name " + address;
    }
    return e.getMessage() != null ? e.getMessage() : e.toString();
  }

  private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
    for (Throwable cause = t; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }

  static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing a failed socket: nothing more to report than the original failure
    }
  }
}
