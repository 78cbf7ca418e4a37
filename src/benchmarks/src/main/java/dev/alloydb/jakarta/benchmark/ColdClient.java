package dev.alloydb.jakarta.benchmark;

import java.sql.Connection;
import java.sql.SQLException;

/** A connector that can be created fresh, with an empty cache, for cold-start and herd measurements. */
interface ColdClient {

  /** Short stable key used in figure ids. */
  String id();

  /** What it is, for people. */
  String label();

  /** Creates a fresh connector; nothing is cached yet. The caller times from before this call. */
  Session start() throws Exception;

  /** One fresh connector. {@link #close()} releases it and everything it cached. */
  interface Session extends AutoCloseable {
    Connection open() throws SQLException;

    @Override
    void close();
  }
}
