package dev.alloydb.jakarta.emulator;

import io.grpc.Status;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Fault knobs of a running emulator. Thread-safe; every knob takes effect for the next call or connection.
 * {@link #reset()} restores the defaults (no faults).
 */
public final class Faults {
  private final Runnable caRotation;
  private final Object stallLock = new Object();

  private volatile Duration adminLatency = Duration.ZERO;
  private final Map<AdminRpc, Status.Code> adminErrors = new EnumMap<>(AdminRpc.class);
  private volatile Status.Code allAdminError;
  private volatile Duration clientCertificateLifetime;
  private volatile boolean proxyRefuseConnections;
  private volatile boolean proxyCloseAfterHandshake;
  private volatile String proxyExchangeError;
  private volatile boolean proxyStall;
  private volatile Duration accessTokenLifetime = DEFAULT_TOKEN_LIFETIME;

  static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofHours(1);

  Faults(Runnable caRotation) {
    this.caRotation = caRotation;
  }

  /** Delays every Admin API call (gRPC and REST) by {@code latency} before it is answered. */
  public void adminLatency(Duration latency) {
    requireNonNegative(latency, "adminLatency");
    this.adminLatency = latency;
  }

  /** The delay set by {@link #adminLatency(Duration)}. */
  public Duration adminLatency() {
    return adminLatency;
  }

  /**
   * Makes every Admin API call fail with {@code code} (e.g. {@code UNAVAILABLE}, {@code PERMISSION_DENIED},
   * {@code NOT_FOUND}); REST callers get the matching HTTP status. {@code null} clears it.
   */
  public void adminError(Status.Code code) {
    requireNotOk(code);
    this.allAdminError = code;
  }

  /**
   * Makes one RPC fail with {@code code}; {@code null} clears it. A per-RPC error wins over
   * {@link #adminError(Status.Code)}.
   */
  public void adminError(AdminRpc rpc, Status.Code code) {
    Objects.requireNonNull(rpc, "rpc");
    requireNotOk(code);
    synchronized (adminErrors) {
      if (code == null) {
        adminErrors.remove(rpc);
      } else {
        adminErrors.put(rpc, code);
      }
    }
  }

  /** The error the next call of {@code rpc} gets, or {@code null}. */
  public Status.Code adminErrorFor(AdminRpc rpc) {
    synchronized (adminErrors) {
      Status.Code code = adminErrors.get(rpc);
      return code != null ? code : allAdminError;
    }
  }

  /**
   * Lifetime of the client certificates issued from now on, regardless of the requested {@code cert_duration};
   * {@code null} restores the default (the requested duration clamped to 1 h..24 h, 1 h when absent). A zero or
   * negative lifetime issues certificates that have already expired.
   */
  public void clientCertificateLifetime(Duration lifetime) {
    this.clientCertificateLifetime = lifetime;
  }

  /** The lifetime set by {@link #clientCertificateLifetime(Duration)}, or {@code null} for the default. */
  public Duration clientCertificateLifetime() {
    return clientCertificateLifetime;
  }

  /**
   * Replaces the instances' CA (root, intermediate and server certificates) at once. Client certificates issued
   * before are no longer accepted by the proxies; connectors must refresh.
   */
  public synchronized void rotateCa() {
    caRotation.run();
  }

  /** When on, every proxy drops each TCP connection right after accepting it (reset, no TLS). */
  public void proxyRefuseConnections(boolean on) {
    this.proxyRefuseConnections = on;
  }

  /** Whether {@link #proxyRefuseConnections(boolean)} is on. */
  public boolean proxyRefuseConnections() {
    return proxyRefuseConnections;
  }

  /** When on, every proxy closes the connection right after the TLS handshake, before the metadata exchange. */
  public void proxyCloseAfterHandshake(boolean on) {
    this.proxyCloseAfterHandshake = on;
  }

  /** Whether {@link #proxyCloseAfterHandshake(boolean)} is on. */
  public boolean proxyCloseAfterHandshake() {
    return proxyCloseAfterHandshake;
  }

  /** When set, every proxy answers the metadata exchange with ERROR and this message; {@code null} clears it. */
  public void proxyExchangeError(String message) {
    this.proxyExchangeError = message;
  }

  /** The message set by {@link #proxyExchangeError(String)}, or {@code null}. */
  public String proxyExchangeError() {
    return proxyExchangeError;
  }

  /**
   * When on, proxies read the metadata exchange request and never answer it; switching the knob off closes the
   * stalled connections (the client sees end of stream), as does the client giving up.
   */
  public void proxyStall(boolean on) {
    synchronized (stallLock) {
      this.proxyStall = on;
      stallLock.notifyAll();
    }
  }

  /** Whether {@link #proxyStall(boolean)} is on. */
  public boolean proxyStall() {
    return proxyStall;
  }

  /** Lifetime of the OAuth2 access tokens issued from now on (default 1 h). Zero issues already-expired tokens. */
  public void accessTokenLifetime(Duration lifetime) {
    requireNonNegative(lifetime, "accessTokenLifetime");
    this.accessTokenLifetime = lifetime;
  }

  /** The lifetime set by {@link #accessTokenLifetime(Duration)}. */
  public Duration accessTokenLifetime() {
    return accessTokenLifetime;
  }

  /** Clears every knob (does not undo a CA rotation). */
  public void reset() {
    adminLatency = Duration.ZERO;
    synchronized (adminErrors) {
      adminErrors.clear();
    }
    allAdminError = null;
    clientCertificateLifetime = null;
    proxyRefuseConnections = false;
    proxyCloseAfterHandshake = false;
    proxyExchangeError = null;
    accessTokenLifetime = DEFAULT_TOKEN_LIFETIME;
    proxyStall(false);
  }

  /** Blocks while the stall knob is on; returns early when the thread is interrupted or {@code stillWanted} says no. */
  void awaitNoStall(BooleanSupplier stillWanted) throws InterruptedException {
    synchronized (stallLock) {
      while (proxyStall && stillWanted.getAsBoolean()) {
        stallLock.wait(200);
      }
    }
  }

  private static void requireNonNegative(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative()) {
      throw new IllegalArgumentException(name + " must be zero or positive, got " + d);
    }
  }

  private static void requireNotOk(Status.Code code) {
    if (code == Status.Code.OK) {
      throw new IllegalArgumentException("an Admin API error code must not be OK; pass null to clear the fault");
    }
  }
}
