package dev.alloydb.jakarta.ra.outbound;

import java.sql.Connection;
import java.sql.SQLException;

/** What a connection handle needs from the managed connection it is associated with. */
interface HandleOwner {

  /** The physical connection the handle delegates to. */
  Connection physicalConnection();

  /** The application closed {@code handle}. */
  void handleClosed(Connection handle);

  /** A call through {@code handle} (or one of its statements) failed; the owner decides whether it is fatal. */
  void sqlFailed(Connection handle, SQLException failure);

  /**
   * The application is about to change {@code attribute} through the handle, so cleanup must reset it (called
   * before the change, so the owner can still read the original value).
   */
  void clientStateChanging(ClientAttribute attribute) throws SQLException;

  /** Whether a container-managed local transaction is active (the application may then not demarcate). */
  boolean inManagedTransaction();
}
