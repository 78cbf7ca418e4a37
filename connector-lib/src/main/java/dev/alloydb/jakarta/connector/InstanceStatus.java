package dev.alloydb.jakarta.connector;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a connector knows about one instance it has connected to: whether it holds a client certificate that has
 * not expired, when that certificate expires, when it last refreshed and, if the last refresh failed, why. Holds no
 * secret. Immutable; a snapshot taken when it was created.
 */
public final class InstanceStatus {

  /** Whether connects to the instance can start now. */
  public enum State {
    /** No refresh has finished yet. */
    STARTING,
    /** The connector holds a client certificate that has not expired (a later refresh may have failed). */
    READY,
    /** No valid client certificate: the last refresh failed ({@link #lastError()} says why). */
    FAILED
  }

  private final String instanceUri;
  private final State state;
  private final Instant certificateExpiry;
  private final Instant lastRefresh;
  private final String lastError;

  /**
   * @param instanceUri the instance URI
   * @param state the state
   * @param certificateExpiry expiry of the current client certificate, or null if there is none
   * @param lastRefresh time of the last successful refresh, or null if none succeeded
   * @param lastError message of the last refresh failure since the last success, or null
   */
  public InstanceStatus(String instanceUri, State state, Instant certificateExpiry, Instant lastRefresh,
      String lastError) {
    this.instanceUri = Objects.requireNonNull(instanceUri, "instanceUri");
    this.state = Objects.requireNonNull(state, "state");
    this.certificateExpiry = certificateExpiry;
    this.lastRefresh = lastRefresh;
    this.lastError = lastError;
  }

  /** The instance URI, {@code projects/<P>/locations/<R>/clusters/<C>/instances/<I>}. */
  public String instanceUri() {
    return instanceUri;
  }

  /** Whether connects can start now. */
  public State state() {
    return state;
  }

  /** Expiry (notAfter) of the current client certificate; empty before the first successful refresh. */
  public Optional<Instant> certificateExpiry() {
    return Optional.ofNullable(certificateExpiry);
  }

  /** When the last successful refresh ended; empty if none has. */
  public Optional<Instant> lastRefresh() {
    return Optional.ofNullable(lastRefresh);
  }

  /** The message of the last refresh failure, cleared by the next success; never holds a secret. */
  public Optional<String> lastError() {
    return Optional.ofNullable(lastError);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InstanceStatus s && instanceUri.equals(s.instanceUri) && state == s.state
        && Objects.equals(certificateExpiry, s.certificateExpiry) && Objects.equals(lastRefresh, s.lastRefresh)
        && Objects.equals(lastError, s.lastError);
  }

  @Override
  public int hashCode() {
    return Objects.hash(instanceUri, state, certificateExpiry, lastRefresh, lastError);
  }

  @Override
  public String toString() {
    return "InstanceStatus{" + instanceUri + ", " + state
        + (certificateExpiry == null ? "" : ", certificateExpiry=" + certificateExpiry)
        + (lastRefresh == null ? "" : ", lastRefresh=" + lastRefresh)
        + (lastError == null ? "" : ", lastError=" + lastError) + "}";
  }
}
