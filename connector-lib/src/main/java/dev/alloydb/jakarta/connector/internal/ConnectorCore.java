package dev.alloydb.jakarta.connector.internal;

import dev.alloydb.jakarta.connector.ConnectorClosedException;
import dev.alloydb.jakarta.connector.ConnectorConfig;
import dev.alloydb.jakarta.connector.ConnectorConfigException;
import dev.alloydb.jakarta.connector.ConnectorException;
import dev.alloydb.jakarta.connector.ConnectorScheduler;
import dev.alloydb.jakarta.connector.DialException;
import dev.alloydb.jakarta.connector.IpType;
import dev.alloydb.jakarta.connector.MetadataExchangeException;
import dev.alloydb.jakarta.connector.RefreshStrategy;
import java.lang.System.Logger.Level;
import java.net.Socket;
import java.security.KeyPair;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.net.ssl.SSLHandshakeException;

/**
 * The engine behind {@code Connector}, {@code AsyncConnector} and the JDBC socket factory: one key pair, one Admin
 * API client, one login-token cache and one connection-info cache per instance, all work on one scheduler.
 * Thread-safe. Not API.
 */
public final class ConnectorCore implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(ConnectorCore.class.getName());
  private static final AtomicLong IDS = new AtomicLong();

  private final ConnectorConfig config;
  private final ConnectorScheduler scheduler;
  private final DaemonScheduler ownedScheduler;
  private final SchedulerExecutorService executor;
  private final AdminApiClient admin;
  private final LoginTokens loginTokens;
  private final CompletableFuture<KeyPair> key;
  private final Dialer dialer;
  private final Clock clock;
  private final RefreshPolicy policy;
  private final Map<InstanceUri, ConnectionInfoCache> caches = new ConcurrentHashMap<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final String id = Long.toString(IDS.incrementAndGet());

  private ConnectorCore(ConnectorConfig config, Clock clock, RefreshPolicy policy, int serverPort,
      String iamEndpointOverride) {
    this.config = config;
    this.clock = clock;
    this.policy = policy;
    Credentials credentials = Credentials.load(config, iamEndpointOverride);
    this.ownedScheduler = config.scheduler().isPresent() ? null : new DaemonScheduler();
    this.scheduler = config.scheduler().isPresent() ? config.scheduler().get() : ownedScheduler;
    this.executor = new SchedulerExecutorService(scheduler);
    String userAgent = UserAgent.of(config);
    try {
      this.admin = AdminApiClient.create(config, credentials.api(), executor, userAgent);
    } catch (RuntimeException e) {
      shutdownScheduler();
      throw e;
    }
    this.loginTokens = new LoginTokens(credentials.login(), clock);
    this.dialer = new Dialer(serverPort, config.connectTimeout(), config.handshakeTimeout(), userAgent);
    try {
      this.key = CompletableFuture.supplyAsync(ClientKeys::generate, executor);
    } catch (RuntimeException e) {
      admin.close();
      shutdownScheduler();
      throw new ConnectorConfigException(
          "The scheduler refused the connector's first task: " + e, e);
    }
    LogRedaction.install();
    SharedConnectors.live(id, this);
    if (config.refreshStrategy() == RefreshStrategy.BACKGROUND) {
      // after install(): the HTTP stacks' debug logs of these fetches must already be redacted
      warmAhead("Admin API", credentials.api()::refreshIfExpired);
      warmAhead("login", loginTokens::warm);
    }
  }

  private void warmAhead(String what, Warmup fetch) {
    try {
      executor.execute(() -> warm(what, fetch));
    } catch (RuntimeException e) {
      LOG.log(Level.DEBUG, () -> "The scheduler refused to fetch the " + what + " token ahead (" + e
          + "); the first connect will fetch it");
    }
  }

  private interface Warmup {
    void run() throws java.io.IOException;
  }

  /**
   * Fetches a token ahead of the first connect, concurrently with key generation, so that neither the first Admin
   * API call nor the first metadata exchange waits for it. A failure is left for the real use to report.
   */
  private static void warm(String what, Warmup fetch) {
    try {
      fetch.run();
    } catch (java.io.IOException | RuntimeException e) {
      LOG.log(Level.DEBUG, () -> "Fetching the " + what + " token ahead failed (" + e.getClass().getSimpleName()
          + "); the first connect will try again");
    }
  }

  /**
   * Starts a connector: loads credentials, creates the Admin API client, takes a key pair generated ahead or
   * generates one on the scheduler, and (refresh-ahead strategy only) fetches both OAuth2 tokens on the scheduler
   * meanwhile.
   */
  public static ConnectorCore start(ConnectorConfig config) {
    return new ConnectorCore(config, Clock.systemUTC(), RefreshPolicy.DEFAULT, Dialer.SERVER_PROXY_PORT, null);
  }

  /** For tests: an injected clock, refresh policy and server-side proxy port. */
  static ConnectorCore start(ConnectorConfig config, Clock clock, RefreshPolicy policy, int serverPort) {
    return new ConnectorCore(config, clock, policy, serverPort, null);
  }

  /** For tests: the IAM Credentials endpoint used for impersonation. */
  static ConnectorCore startWithIamEndpoint(ConnectorConfig config, String iamEndpointOverride) {
    return new ConnectorCore(config, Clock.systemUTC(), RefreshPolicy.DEFAULT, Dialer.SERVER_PROXY_PORT,
        iamEndpointOverride);
  }

  /** Identifies this connector to the socket factory pgjdbc creates. */
  String id() {
    return id;
  }

  public ConnectorConfig config() {
    return config;
  }

  /**
   * Dials an instance, blocking the calling thread for at most the refresh timeout plus the dial timeouts.
   *
   * @throws ConnectorException saying what failed
   */
  public Socket dial(InstanceUri instance, IpType ipType, boolean iamAuth) {
    ConnectionInfoCache cache = cache(instance);
    ConnectionInfo info = await(instance, cache.connectionInfo());
    if (!clock.instant().isBefore(info.expiry())) {
      LOG.log(Level.DEBUG, () -> "[" + instance + "] Client certificate expired at " + info.expiry()
          + "; forcing a refresh");
      cache.forceRefresh();
      return dialOrRetry(instance, await(instance, cache.connectionInfo()), ipType, iamAuth);
    }
    return dialOrRetry(instance, info, ipType, iamAuth);
  }

  private Socket dialOrRetry(InstanceUri instance, ConnectionInfo info, IpType ipType, boolean iamAuth) {
    try {
      return dialWith(instance, info, ipType, iamAuth);
    } catch (DialException e) {
      CompletableFuture<ConnectionInfo> next = retryInfo(instance, info, e);
      ConnectionInfo fresh = await(instance, next);
      if (fresh == info) {
        throw e;
      }
      return dialWith(instance, fresh, ipType, iamAuth);
    }
  }

  /**
   * After the server refused the TLS handshake (its CA rotated, say), the refresh that failure forced deserves one
   * more dial, if it is under way now rather than rate-limited until later; otherwise rethrows {@code failure}.
   */
  private CompletableFuture<ConnectionInfo> retryInfo(InstanceUri instance, ConnectionInfo used,
      DialException failure) {
    CompletableFuture<ConnectionInfo> next = cache(instance).connectionInfo();
    boolean unchanged = next.isDone() && !next.isCompletedExceptionally() && next.join() == used;
    if (!(failure.getCause() instanceof SSLHandshakeException) || unchanged) {
      throw failure;
    }
    LOG.log(Level.DEBUG, () -> "[" + instance + "] TLS handshake refused; dialling again with the refreshed"
        + " certificate");
    return next;
  }

  /** Dials without blocking the caller: waits for connection info asynchronously, then dials on the scheduler. */
  public CompletableFuture<Socket> dialAsync(InstanceUri instance, IpType ipType, boolean iamAuth) {
    CompletableFuture<ConnectionInfo> info = withTimeout(instance, cache(instance).connectionInfo());
    return info.thenComposeAsync(current -> {
      if (clock.instant().isBefore(current.expiry())) {
        return CompletableFuture.completedFuture(current);
      }
      cache(instance).forceRefresh();
      return withTimeout(instance, cache(instance).connectionInfo());
    }, executor).thenComposeAsync(current -> {
      try {
        return CompletableFuture.completedFuture(dialWith(instance, current, ipType, iamAuth));
      } catch (DialException e) {
        return withTimeout(instance, retryInfo(instance, current, e)).thenApplyAsync(fresh -> {
          if (fresh == current) {
            throw e;
          }
          return dialWith(instance, fresh, ipType, iamAuth);
        }, executor);
      }
    }, executor);
  }

  private Socket dialWith(InstanceUri instance, ConnectionInfo info, IpType ipType, boolean iamAuth) {
    checkOpen(instance);
    try {
      Socket socket = dialer.dial(instance, info, ipType, iamAuth, () -> loginTokens.token(instance));
      LOG.log(Level.DEBUG, () -> "[" + instance + "] Connected to " + ipType + " address, "
          + (iamAuth ? "IAM" : "password") + " login");
      return socket;
    } catch (DialException
        | MetadataExchangeException e) {
      LOG.log(Level.DEBUG, () -> e.getMessage() + "; forcing a refresh");
      ConnectionInfoCache cache = caches.get(instance);
      if (cache != null) {
        cache.forceRefresh();
      }
      throw e;
    }
  }

  private ConnectionInfo await(InstanceUri instance, CompletableFuture<ConnectionInfo> future) {
    try {
      return future.get(config.refreshTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw asConnectorException(instance, Futures.unwrap(e));
    } catch (TimeoutException e) {
      throw timeout(instance);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectorException("[" + instance + "] Interrupted while waiting for connection info", e);
    }
  }

  /** Completes exceptionally after the refresh timeout, using the scheduler rather than a JDK timer thread. */
  private CompletableFuture<ConnectionInfo> withTimeout(InstanceUri instance,
      CompletableFuture<ConnectionInfo> future) {
    if (future.isDone()) {
      return future.handle((value, error) -> {
        if (error != null) {
          throw asConnectorException(instance, Futures.unwrap(error));
        }
        return value;
      });
    }
    CompletableFuture<ConnectionInfo> bounded = new CompletableFuture<>();
    var timer = scheduler.schedule(() -> bounded.completeExceptionally(timeout(instance)),
        config.refreshTimeout());
    future.whenComplete((value, error) -> {
      timer.cancel();
      if (error != null) {
        bounded.completeExceptionally(asConnectorException(instance, Futures.unwrap(error)));
      } else {
        bounded.complete(value);
      }
    });
    return bounded;
  }

  private ConnectorException timeout(InstanceUri instance) {
    return new ConnectorException("[" + instance + "] No connection info within " + config.refreshTimeout()
        + ": the Admin API at " + config.adminServiceEndpoint() + " did not answer in time");
  }

  private static ConnectorException asConnectorException(InstanceUri instance, Throwable t) {
    if (t instanceof ConnectorException) {
      return (ConnectorException) t;
    }
    return new ConnectorException("[" + instance + "] Refresh failed: " + t, t);
  }

  private ConnectionInfoCache cache(InstanceUri instance) {
    checkOpen(instance);
    ConnectionInfoCache cache = caches.computeIfAbsent(instance, this::newCache);
    if (closed.get()) {
      cache.close();
      checkOpen(instance);
    }
    return cache;
  }

  private ConnectionInfoCache newCache(InstanceUri instance) {
    Supplier<CompletableFuture<ConnectionInfo>> refresher =
        () -> admin.fetch(instance, key);
    if (config.refreshStrategy() == RefreshStrategy.LAZY) {
      return new LazyCache(instance, refresher, clock, policy);
    }
    return new RefreshAheadCache(instance, refresher, scheduler, clock, policy).start();
  }

  private void checkOpen(InstanceUri instance) {
    if (closed.get()) {
      throw new ConnectorClosedException("[" + instance + "] The connector is closed: create a new one");
    }
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return closed.get();
  }

  /** Stops every cache, the Admin API client and, if the connector owns it, the scheduler. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    SharedConnectors.dead(id);
    caches.values().forEach(ConnectionInfoCache::close);
    caches.clear();
    key.cancel(false);
    executor.shutdown();
    admin.close();
    shutdownScheduler();
    LogRedaction.release();
    LOG.log(Level.DEBUG, "Connector closed");
  }

  private void shutdownScheduler() {
    if (ownedScheduler != null) {
      ownedScheduler.close();
    }
  }
}
