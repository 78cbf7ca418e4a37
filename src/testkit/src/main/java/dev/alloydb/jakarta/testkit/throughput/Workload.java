package dev.alloydb.jakarta.testkit.throughput;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The two pooled workloads: each {@link #runOnce} borrows nothing itself; the caller hands it a pooled connection.
 * Shared by the in-process pools and the in-container loop on the servers, so both run exactly the same statements.
 * Stateless and thread-safe.
 */
public enum Workload {
  /** {@code SELECT 1}, read back. */
  SELECT_1 {
    @Override
    public void runOnce(Connection connection) throws SQLException {
      try (PreparedStatement st = connection.prepareStatement("SELECT 1"); ResultSet rs = st.executeQuery()) {
        if (!rs.next() || rs.getInt(1) != 1) {
          throw new SQLException("SELECT 1 did not return 1");
        }
      }
    }
  },
  /** A small read/write transaction: update one random account row, read it back, commit. */
  READ_WRITE {
    @Override
    public void runOnce(Connection connection) throws SQLException {
      int id = 1 + ThreadLocalRandom.current().nextInt(ACCOUNTS);
      connection.setAutoCommit(false);
      try {
        try (PreparedStatement update = connection.prepareStatement(
            "UPDATE bench_account SET balance = balance + 1 WHERE id = ?")) {
          update.setInt(1, id);
          if (update.executeUpdate() != 1) {
            throw new SQLException("account " + id + " missing: run Workload.createSchema first");
          }
        }
        try (PreparedStatement read = connection.prepareStatement("SELECT balance FROM bench_account WHERE id = ?")) {
          read.setInt(1, id);
          try (ResultSet rs = read.executeQuery()) {
            rs.next();
          }
        }
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    }
  };

  /** Rows in {@code bench_account}: enough that 8 threads rarely update the same row at once. */
  public static final int ACCOUNTS = 10_000;

  public abstract void runOnce(Connection connection) throws SQLException;

  /** (Re)creates {@code bench_account} with {@link #ACCOUNTS} rows. */
  public static void createSchema(Connection connection) throws SQLException {
    try (var st = connection.createStatement()) {
      st.execute("DROP TABLE IF EXISTS bench_account");
      st.execute("CREATE TABLE bench_account (id int PRIMARY KEY, balance bigint NOT NULL)");
      st.execute("INSERT INTO bench_account SELECT g, 0 FROM generate_series(1, " + ACCOUNTS + ") g");
      st.execute("ANALYZE bench_account");
    }
  }
}
