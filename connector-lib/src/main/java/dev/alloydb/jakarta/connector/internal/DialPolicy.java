package dev.alloydb.jakarta.connector.internal;

import dev.alloydb.jakarta.connector.ConnectorConfig;
import dev.alloydb.jakarta.connector.ConnectorException;
import dev.alloydb.jakarta.connector.DialException;
import dev.alloydb.jakarta.connector.IpType;
import dev.alloydb.jakarta.connector.MetadataExchangeException;
import java.lang.System.Logger.Level;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLHandshakeException;

/**
 * The one dial path of every connect, blocking and asynchronous alike: take info whose certificate has not expired
 * (waiting at most the refresh timeout), dial, and after a failure decide what it proves.
 *
 * <ul>
 *   <li>The server refused the credentials in the metadata exchange: nothing to refresh.</li>
 *   <li>Anything else: a refresh may start (the cache's rate limit and back-off decide); only this caller waits for
 *       it, and dials once more if it brought what the failure asked for: new trust after a refused TLS handshake
 *       (a CA rotation), a new address after any other failure (the instance moved). Otherwise the original error
 *       stands. Other callers keep the current info meanwhile.</li>
 * </ul>
 * Thread-safe.
 */
final class DialPolicy {
  private static final System.Logger LOG = System.getLogger(DialPolicy.class.getName());

  private final InstanceCaches caches;
  private final Dialer dialer;
  private final LoginTokens loginTokens;
  private final ConnectorConfig config;
  private final ConnectorTelemetry telemetry;

  DialPolicy(InstanceCaches caches, Dialer dialer, LoginTokens loginTokens, ConnectorConfig config,
      ConnectorTelemetry telemetry) {
    this.telemetry = telemetry;
    this.caches = caches;
    this.dialer = dialer;
    this.loginTokens = loginTokens;
    this.config = config;
  }

  /**
   * Dials, blocking the calling thread for at most the refresh timeout plus the dial deadlines (twice, when the
   * failure earns a second dial).
   *
   * @throws ConnectorException saying what failed
   */
  Socket dial(InstanceUri instance, IpType ipType, boolean iamAuth) {
    DialObservation observation = telemetry.dialStarted(instance);
    try {
      Socket socket = dial(instance, ipType, iamAuth, observation);
      observation.succeeded(socket);
      return socket;
    } catch (RuntimeException e) {
      observation.failed(e);
      throw e;
    }
  }

  private Socket dial(InstanceUri instance, IpType ipType, boolean iamAuth, DialObservation observation) {
    ConnectionInfoCache cache = caches.get(instance);
    observation.enter(DialPhase.INFO);
    ConnectionInfo info = await(instance, cache.connectionInfo());
    try {
      return dialWith(instance, info, ipType, iamAuth, observation);
    } catch (MetadataExchangeException e) {
      if (e.isRefused()) {
        throw e;
      }
      return retryAfter(e, cache, instance, info, ipType, iamAuth, observation);
    } catch (DialException e) {
      return retryAfter(e, cache, instance, info, ipType, iamAuth, observation);
    }
  }

  private Socket retryAfter(ConnectorException failure, ConnectionInfoCache cache, InstanceUri instance,
      ConnectionInfo used, IpType ipType, boolean iamAuth, DialObservation observation) {
    CompletableFuture<ConnectionInfo> refresh = cache.refreshAfterFailure(used);
    if (refresh == null) {
      throw failure;
    }
    observation.enter(DialPhase.INFO);
    ConnectionInfo fresh;
    try {
      fresh = await(instance, refresh);
    } catch (ConnectorException refreshFailure) {
      failure.addSuppressed(refreshFailure);
      throw failure;
    }
    if (!answers(failure, used, fresh, ipType)) {
      throw failure;
    }
    LOG.log(Level.DEBUG, () -> "[" + instance + "] Dialling again with refreshed info after: " + failure.getMessage());
    return dialWith(instance, fresh, ipType, iamAuth, observation);
  }

  /** Whether {@code fresh} holds what {@code failure} showed {@code used} lacked. */
  private static boolean answers(ConnectorException failure, ConnectionInfo used, ConnectionInfo fresh,
      IpType ipType) {
    if (fresh == used) {
      return false;
    }
    if (failure.getCause() instanceof SSLHandshakeException) {
      return true;
    }
    return !fresh.hasAddress(ipType) || !fresh.address(ipType).equals(used.address(ipType));
  }

  private Socket dialWith(InstanceUri instance, ConnectionInfo info, IpType ipType, boolean iamAuth,
      DialObservation observation) {
    caches.checkOpen(instance);
    Socket socket = dialer.dial(instance, info, ipType, iamAuth, () -> loginTokens.token(instance), observation);
    LOG.log(Level.DEBUG, () -> "[" + instance + "] Connected to " + ipType + " address, "
        + (iamAuth ? "IAM" : "password") + " login");
    return socket;
  }

  private ConnectionInfo await(InstanceUri instance, CompletableFuture<ConnectionInfo> future) {
    try {
      return future.get(config.refreshTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw asConnectorException(instance, Futures.unwrap(e));
    } catch (TimeoutException e) {
      throw new ConnectorException("[" + instance + "] No connection info within " + config.refreshTimeout()
          + ": the Admin API at " + config.adminServiceEndpoint() + " did not answer in time");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectorException("[" + instance + "] Interrupted while waiting for connection info", e);
    }
  }

  private static ConnectorException asConnectorException(InstanceUri instance, Throwable t) {
    if (t instanceof ConnectorException) {
      return (ConnectorException) t;
    }
    return new ConnectorException("[" + instance + "] Refresh failed: " + t, t);
  }
}
