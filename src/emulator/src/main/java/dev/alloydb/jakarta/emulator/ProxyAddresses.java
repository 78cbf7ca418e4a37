package dev.alloydb.jakarta.emulator;

import java.io.Closeable;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Chooses and binds the proxy addresses of one instance.
 *
 * <p>Google's connectors always dial port 5433, so each instance gets its own loopback addresses
 * ({@code 127.X.Y.2} private, {@code 127.X.Y.3} public) with a random free {@code X.Y}, letting several emulators
 * run on one machine. The PSC name is {@code localhost.} when {@code 127.0.0.1:5433} is free (only one emulator per
 * machine can have that); otherwise it is the IP literal {@code 127.X.Y.4.}, which connectors dial the same way but
 * which is not a DNS name. With a port override a single listener on {@code 127.0.0.1} serves every IP type.
 */
final class ProxyAddresses implements Closeable {
  static final int ATTEMPTS = 200;

  final String privateAddress;
  final String publicAddress;
  final String pscDnsName;
  final int port;
  /** Bound listeners by IP type label (PRIVATE, PUBLIC, PSC, or ALL with a port override). */
  final Map<String, ServerSocket> sockets;

  private ProxyAddresses(String privateAddress, String publicAddress, String pscDnsName, int port,
      Map<String, ServerSocket> sockets) {
    this.privateAddress = privateAddress;
    this.publicAddress = publicAddress;
    this.pscDnsName = pscDnsName;
    this.port = port;
    this.sockets = sockets;
  }

  /** A single listener on 127.0.0.1 at {@code port} (0 for any free port) for every IP type. */
  static ProxyAddresses overridden(int port) throws IOException {
    ServerSocket s = ProxyListener.bind("127.0.0.1", port);
    return new ProxyAddresses("127.0.0.1", "127.0.0.1", "localhost.", s.getLocalPort(), Map.of("ALL", s));
  }

  /** Loopback addresses with port {@code port} (5433) free; tries 127.0.0.1 for PSC when {@code tryLocalhost}. */
  static ProxyAddresses allocate(int port, boolean tryLocalhost) throws IOException {
    ServerSocket psc = null;
    if (tryLocalhost) {
      try {
        psc = ProxyListener.bind("127.0.0.1", port);
      } catch (IOException taken) {
        psc = null;
      }
    }
    IOException last = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      String prefix = "127." + ThreadLocalRandom.current().nextInt(1, 255) + "."
          + ThreadLocalRandom.current().nextInt(0, 256) + ".";
      List<ServerSocket> bound = new ArrayList<>();
      try {
        bound.add(ProxyListener.bind(prefix + "2", port));
        bound.add(ProxyListener.bind(prefix + "3", port));
        String pscName = "localhost.";
        if (psc == null) {
          bound.add(ProxyListener.bind(prefix + "4", port));
          pscName = prefix + "4.";
        }
        Map<String, ServerSocket> sockets = new LinkedHashMap<>();
        sockets.put("PRIVATE", bound.get(0));
        sockets.put("PUBLIC", bound.get(1));
        sockets.put("PSC", psc != null ? psc : bound.get(2));
        return new ProxyAddresses(prefix + "2", prefix + "3", pscName, port, sockets);
      } catch (IOException e) {
        last = e;
        for (ServerSocket s : bound) {
          s.close();
        }
      }
    }
    if (psc != null) {
      psc.close();
    }
    throw new IOException("no free loopback address pair with port " + port + " after " + ATTEMPTS
        + " attempts; use AlloyDbEmulator.builder().proxyPort(0) on machines without 127.0.0.0/8 aliases", last);
  }

  @Override
  public void close() throws IOException {
    for (ServerSocket s : sockets.values()) {
      s.close();
    }
  }
}
