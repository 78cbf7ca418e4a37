package dev.alloydb.jakarta.emulator;

import dev.alloydb.jakarta.emulator.ProxyConnection.Outcome;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ssl.SSLSocket;

/** One TCP listener of an instance's proxy (one per address: private, public, PSC). */
final class ProxyListener implements Closeable {
  private final ServerSocket server;
  private final ProxyContext ctx;
  private final String ipType;
  private final Thread acceptor;

  private ProxyListener(ServerSocket server, ProxyContext ctx, String ipType) {
    this.server = server;
    this.ctx = ctx;
    this.ipType = ipType;
    this.acceptor = new Thread(this::acceptLoop, "alloydb-emulator-accept-" + ipType + "-"
        + server.getInetAddress().getHostAddress() + ":" + server.getLocalPort());
    acceptor.setDaemon(true);
  }

  /** Binds {@code address:port} or throws if it is taken. */
  static ServerSocket bind(String address, int port) throws IOException {
    ServerSocket s = new ServerSocket();
    try {
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(InetAddress.getByName(address), port), 128);
      return s;
    } catch (IOException e) {
      s.close();
      throw e;
    }
  }

  static ProxyListener start(ServerSocket bound, ProxyContext ctx, String ipType) {
    ProxyListener listener = new ProxyListener(bound, ctx, ipType);
    listener.acceptor.start();
    return listener;
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      Socket tcp;
      try {
        tcp = server.accept();
      } catch (IOException e) {
        return;
      }
      ctx.track(tcp);
      ctx.counters().proxyConnectionAccepted();
      if (ctx.faults().proxyRefuseConnections()) {
        refuse(tcp);
        continue;
      }
      try {
        tcp.setTcpNoDelay(true);
        SSLSocket tls = ctx.tls().wrap(tcp);
        ctx.track(tls);
        ctx.execute(new ProxySession(ctx, ipType, tcp, tls));
      } catch (IOException | RuntimeException e) {
        ctx.closeQuietly(tcp);
        ctx.counters().recordProxyConnection(new ProxyConnection(
            ctx.instanceUri(), ipType, null, "", "", Outcome.REFUSED_TLS, "cannot start TLS: " + e.getMessage()));
      }
    }
  }

  /** Resets the connection at once (SO_LINGER 0 sends RST), as a host that drops the port would. */
  private void refuse(Socket tcp) {
    try {
      tcp.setSoLinger(true, 0);
    } catch (IOException ignored) {
      // the close below still ends the connection
    }
    ctx.closeQuietly(tcp);
    ctx.counters().recordProxyConnection(new ProxyConnection(
        ctx.instanceUri(), ipType, null, "", "", Outcome.FAULT, "TCP connection reset (fault)"));
  }

  @Override
  public void close() throws IOException {
    server.close();
    try {
      acceptor.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
