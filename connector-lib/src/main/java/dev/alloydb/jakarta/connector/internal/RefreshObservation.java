package dev.alloydb.jakarta.connector.internal;

import java.util.function.Consumer;

/**
 * What one refresh reports to the connector's telemetry: each Admin API call it makes, then its outcome.
 * {@link #NONE} does nothing and is shared.
 */
interface RefreshObservation {
  /** Ends nothing: what {@link #call} returns when there is nothing to end. */
  Consumer<Throwable> NOTHING = error -> { };

  RefreshObservation NONE = new RefreshObservation() {
    @Override
    public Consumer<Throwable> call(String rpc) {
      return NOTHING;
    }

    @Override
    public void ended(ConnectionInfo info, Throwable error) {
    }
  };

  /** An Admin API call starts; the result ends it, given the call's failure or null. */
  Consumer<Throwable> call(String rpc);

  /** The refresh ended with {@code info}, or failed with {@code error}. */
  void ended(ConnectionInfo info, Throwable error);
}
