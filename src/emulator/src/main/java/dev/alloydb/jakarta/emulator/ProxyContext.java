package dev.alloydb.jakarta.emulator;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * What the proxy sessions of one instance share: the emulator's services, the PostgreSQL target, the threads, and
 * every open socket so that {@link #close()} leaves nothing behind.
 */
final class ProxyContext implements Closeable {
  private final String instanceUri;
  private final Supplier<ProxyTls> tls;
  private final Faults faults;
  private final Counters counters;
  private final TokenService tokens;
  private final PostgresBackend postgres;
  private final ExecutorService threads;
  private final Set<Closeable> open = ConcurrentHashMap.newKeySet();

  ProxyContext(String instanceUri, Supplier<ProxyTls> tls, Faults faults, Counters counters, TokenService tokens,
      PostgresBackend postgres) {
    this.instanceUri = instanceUri;
    this.tls = tls;
    this.faults = faults;
    this.counters = counters;
    this.tokens = tokens;
    this.postgres = postgres;
    AtomicInteger n = new AtomicInteger();
    this.threads = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "alloydb-emulator-proxy-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  String instanceUri() {
    return instanceUri;
  }

  ProxyTls tls() {
    return tls.get();
  }

  Faults faults() {
    return faults;
  }

  Counters counters() {
    return counters;
  }

  TokenService tokens() {
    return tokens;
  }

  boolean isIamUser(String user) {
    return postgres.isIamUser(user);
  }

  String iamSecret() {
    return postgres.iamSecret();
  }

  String postgresHost() {
    return postgres.host();
  }

  int postgresPort() {
    return postgres.port();
  }

  void execute(Runnable task) {
    threads.execute(task);
  }

  void track(Closeable c) {
    open.add(c);
  }

  void closeQuietly(Closeable c) {
    open.remove(c);
    try {
      c.close();
    } catch (IOException ignored) {
      // closing is best effort: the peer may already be gone
    }
  }

  /** Copies client bytes to PostgreSQL on a pool thread; closing either side ends both directions. */
  void relay(InputStream from, OutputStream to, Socket toSocket, Socket fromSocket) {
    threads.execute(() -> {
      copy(from, to);
      closeQuietly(toSocket);
      closeQuietly(fromSocket);
    });
  }

  void copy(InputStream from, OutputStream to) {
    byte[] buffer = new byte[16 * 1024];
    try {
      int n;
      while ((n = from.read(buffer)) >= 0) {
        to.write(buffer, 0, n);
        to.flush();
      }
    } catch (IOException ignored) {
      // the other direction or close() ended the relay
    }
  }

  @Override
  public void close() {
    threads.shutdownNow();
    open.forEach(this::closeQuietly);
  }
}
