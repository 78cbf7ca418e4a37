package dev.alloydb.jakarta.benchmark;

import java.sql.Connection;
import java.sql.SQLException;

/** One way of opening a database connection, measured side by side with the others. */
interface Client {

  /** Short stable key used in figure ids: {@code ours}, {@code google}, {@code pgjdbc-tls}, {@code pgjdbc-plain}. */
  String id();

  /** What it is, for people. */
  String label();

  /** Opens a new physical connection (no pool). */
  Connection open() throws SQLException;
}
