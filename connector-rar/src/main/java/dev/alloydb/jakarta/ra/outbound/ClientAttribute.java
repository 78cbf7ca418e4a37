package dev.alloydb.jakarta.ra.outbound;

/** Client state an application can change through a handle and that must not leak to the next user. */
enum ClientAttribute {
  /** {@code setAutoCommit}. */
  AUTO_COMMIT,
  /** {@code setTransactionIsolation}. */
  ISOLATION,
  /** {@code setReadOnly}. */
  READ_ONLY,
  /** {@code setSchema} (pgjdbc sets the session's search_path). */
  SCHEMA,
  /** {@code setNetworkTimeout}. */
  NETWORK_TIMEOUT
}
