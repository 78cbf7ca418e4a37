package dev.alloydb.jakarta.connector.internal;

import java.net.Socket;

/**
 * What one dial reports to the connector's telemetry, on the dialling thread. {@link #NONE} (metrics off) does
 * nothing and is shared, so a dial then allocates nothing for telemetry.
 */
interface DialObservation {
  DialObservation NONE = new DialObservation() {
    @Override
    public void enter(DialPhase phase) {
    }

    @Override
    public void succeeded(Socket socket) {
    }

    @Override
    public void failed(RuntimeException error) {
    }
  };

  /** The dial starts {@code phase}; the previous one ended. */
  void enter(DialPhase phase);

  /** The dial returns {@code socket}, which counts as an open connection until it is closed. */
  void succeeded(Socket socket);

  /** The dial throws {@code error}; it is counted under the step it was in. */
  void failed(RuntimeException error);
}
