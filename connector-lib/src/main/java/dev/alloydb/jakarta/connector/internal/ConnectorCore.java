package dev.alloydb.jakarta.connector.internal;

import dev.alloydb.jakarta.connector.ConnectorConfig;
import dev.alloydb.jakarta.connector.ConnectorException;
import dev.alloydb.jakarta.connector.ConnectorOperationException;
import dev.alloydb.jakarta.connector.ConnectorScheduler;
import dev.alloydb.jakarta.connector.InstanceStatus;
import dev.alloydb.jakarta.connector.IpType;
import dev.alloydb.jakarta.connector.RefreshStrategy;
import java.lang.System.Logger.Level;
import java.net.Socket;
import java.security.KeyPair;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A running connector behind {@code Connector}, {@code AsyncConnector} and the JDBC socket factory: starts and stops
 * its parts (key pair, Admin API client, login tokens, {@link InstanceCaches}, {@link DialPolicy}, schedulers) and
 * hands out what connects need. Thread-safe. Not API.
 */
public final class ConnectorCore implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(ConnectorCore.class.getName());

  private final ConnectorConfig config;
  private final ConnectorScheduler scheduler;
  private final DaemonScheduler ownedScheduler;
  private final DaemonScheduler ownedConnects;
  private final SchedulerExecutorService executor;
  private final AdminApiClient admin;
  private final LoginTokens loginTokens;
  /** Generated once; again (under {@code this}) only if the scheduler refused or dropped its task. */
  private volatile CompletableFuture<KeyPair> key;
  private final InstanceCaches caches;
  private final DialPolicy dialPolicy;
  private final ConnectorTelemetry telemetry;
  private final AtomicBoolean closed = new AtomicBoolean();

  private ConnectorCore(ConnectorConfig config, Clock clock, Ticker ticker, RefreshPolicy policy, int serverPort,
      String iamEndpointOverride) {
    this.config = config;
    this.ownedScheduler = config.scheduler().isPresent() ? null : new DaemonScheduler();
    this.ownedConnects = config.scheduler().isPresent() ? null : DaemonScheduler.forConnects();
    this.scheduler = config.scheduler().isPresent() ? config.scheduler().get() : ownedScheduler;
    this.caches = new InstanceCaches(instance -> newCache(instance, clock, ticker, policy));
    this.executor = new SchedulerExecutorService(scheduler, this::taskDropped);
    // In a new JVM the start is mostly class loading and the first connection's critical path is the Admin API
    // stub's initialisation: the key generation and the loading of what the Admin API client and the first dial
    // need start before anything else, and run beside what this thread does next.
    try {
      generateKey();
    } catch (RuntimeException e) {
      shutdownSchedulers();
      throw new ConnectorOperationException("The scheduler refused the connector's first task (" + e.getMessage()
          + "): is the container or its work manager shutting down?", e);
    }
    ClassWarmup.start(scheduler);
    this.telemetry = new ConnectorTelemetry(config.metrics(), clock, scheduler);
    Credentials credentials;
    try {
      credentials = Credentials.load(config, iamEndpointOverride);
    } catch (RuntimeException e) {
      key.cancel(false);
      shutdownSchedulers();
      telemetry.close();
      throw e;
    }
    LogRedaction.install();
    this.loginTokens = new LoginTokens(credentials.login(), clock);
    if (config.refreshStrategy() == RefreshStrategy.BACKGROUND) {
      // after install(): the HTTP stacks' debug logs of these fetches must already be redacted
      // one task, the Admin API's token first: in a new JVM every thread more beside the Admin API stub's
      // initialisation slows it down, and the login token is needed only after the TLS handshake
      warmAhead(() -> {
        warm("Admin API", credentials.api()::refreshIfExpired);
        warm("login", loginTokens::warm);
      });
    }
    String userAgent = UserAgent.of(config);
    try {
      this.admin = AdminApiClient.create(config, credentials.api(), executor, userAgent);
    } catch (RuntimeException e) {
      key.cancel(false);
      executor.shutdown();
      shutdownSchedulers();
      telemetry.close();
      LogRedaction.release();
      throw e;
    }
    this.dialPolicy = new DialPolicy(caches, new Dialer(serverPort, config.connectTimeout(),
        config.handshakeTimeout(), userAgent, scheduler), loginTokens, config, telemetry);
  }

  private void warmAhead(Runnable fetches) {
    try {
      executor.execute(fetches);
    } catch (RuntimeException e) {
      LOG.log(Level.DEBUG, () -> "The scheduler refused to fetch the tokens ahead (" + e
          + "); the first connect will fetch them");
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
   * Starts a connector: starts generating its key pair and loading the classes of the Admin API client and of the
   * first dial on the scheduler, loads credentials, (refresh-ahead strategy only) starts fetching both OAuth2 tokens
   * on the scheduler, and creates the Admin API client meanwhile.
   */
  public static ConnectorCore start(ConnectorConfig config) {
    return new ConnectorCore(config, Clock.systemUTC(), Ticker.SYSTEM, RefreshPolicy.DEFAULT,
        Dialer.SERVER_PROXY_PORT, null);
  }

  /** For tests: an injected clock, refresh policy and server-side proxy port. */
  static ConnectorCore start(ConnectorConfig config, Clock clock, RefreshPolicy policy, int serverPort) {
    return new ConnectorCore(config, clock, Ticker.SYSTEM, policy, serverPort, null);
  }

  /** For tests: the IAM Credentials endpoint used for impersonation. */
  static ConnectorCore startWithIamEndpoint(ConnectorConfig config, String iamEndpointOverride) {
    return new ConnectorCore(config, Clock.systemUTC(), Ticker.SYSTEM, RefreshPolicy.DEFAULT,
        Dialer.SERVER_PROXY_PORT, iamEndpointOverride);
  }

  public ConnectorConfig config() {
    return config;
  }

  /**
   * Dials an instance on the calling thread, bounded by the refresh timeout and the dial deadlines.
   *
   * @throws ConnectorException saying what failed
   */
  public Socket dial(InstanceUri instance, IpType ipType, boolean iamAuth) {
    return dialPolicy.dial(instance, ipType, iamAuth);
  }

  /** Where asynchronous connects run: the connector's own pool for them, or the caller's scheduler. */
  Executor connects() {
    return ownedConnects != null ? ownedConnects::execute : scheduler::execute;
  }

  /** The scheduler for deadline timers (short, non-blocking tasks). */
  ConnectorScheduler timers() {
    return scheduler;
  }

  private ConnectionInfoCache newCache(InstanceUri instance, Clock clock, Ticker ticker, RefreshPolicy policy) {
    Supplier<CompletableFuture<ConnectionInfo>> refresher = () -> {
      RefreshObservation observation = telemetry.refreshStarted(instance);
      CompletableFuture<ConnectionInfo> result = admin.fetch(instance, key(), observation);
      result.whenComplete(observation::ended);
      return result;
    };
    if (config.refreshStrategy() == RefreshStrategy.LAZY) {
      return new LazyCache(instance, refresher, clock, ticker, policy);
    }
    return new RefreshAheadCache(instance, refresher, scheduler, clock, ticker, policy, config.refreshTimeout())
        .start();
  }

  /** The key pair, generated anew if the last generation failed because the scheduler refused or dropped it. */
  private CompletableFuture<KeyPair> key() {
    CompletableFuture<KeyPair> current = key;
    if (!current.isCompletedExceptionally()) {
      return current;
    }
    synchronized (this) {
      if (key.isCompletedExceptionally()) {
        try {
          generateKey();
        } catch (RejectedExecutionException e) {
          return Futures.failed(e);
        }
      }
      return key;
    }
  }

  /**
   * Generates a key pair on the scheduler, then (once per class loader) warms the TLS client up with it on the same
   * thread. The future is published before the task is submitted: a scheduler that reports the task dropped at once,
   * from another thread, must find it to fail it, or it would stay pending.
   *
   * @throws RejectedExecutionException if the scheduler refuses the task (the future is then failed too)
   */
  private void generateKey() {
    CompletableFuture<KeyPair> pending = new CompletableFuture<>();
    key = pending;
    try {
      executor.execute(() -> {
        KeyPair pair;
        try {
          pair = ClientKeys.generate();
        } catch (RuntimeException e) {
          pending.completeExceptionally(e);
          return;
        }
        pending.complete(pair);
        ClassWarmup.afterKey(pair);
      });
    } catch (RejectedExecutionException e) {
      pending.completeExceptionally(e);
      throw e;
    }
  }

  /**
   * The scheduler dropped a task of the key generation or of the Admin API client: fail whatever may wait for it
   * (the key, if not generated yet, and the refreshes in flight), so that the next refresh starts afresh.
   */
  private void taskDropped(RejectedExecutionException reason) {
    LOG.log(Level.WARNING, () -> "The scheduler dropped a task of the connector (" + reason.getMessage()
        + "); failing the refreshes in flight");
    CompletableFuture<KeyPair> pending = key;
    if (pending != null) {
      pending.completeExceptionally(reason);
    }
    caches.abandonRefreshes(new ConnectorOperationException("The scheduler dropped a task of the connector ("
        + reason.getMessage() + "); the next connect or timer refreshes again", reason));
  }

  /** The status of every instance this connector has dialled, sorted by instance URI. */
  public List<InstanceStatus> instanceStatus() {
    return telemetry.statuses();
  }

  /** The live metrics of every instance dialled; empty when metrics are off. */
  public List<dev.alloydb.jakarta.connector.InstanceMetricsMXBean> instanceMetrics() {
    return telemetry.metrics();
  }

  /** The connector's id in its MBeans' names. */
  String telemetryId() {
    return telemetry.id();
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
    caches.close();
    key.cancel(false);
    executor.shutdown();
    admin.close();
    shutdownSchedulers();
    telemetry.close();
    LogRedaction.release();
    LOG.log(Level.DEBUG, "Connector closed");
  }

  private void shutdownSchedulers() {
    if (ownedConnects != null) {
      ownedConnects.close();
    }
    if (ownedScheduler != null) {
      ownedScheduler.close();
    }
  }
}
