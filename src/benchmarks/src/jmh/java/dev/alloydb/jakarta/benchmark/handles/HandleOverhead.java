package dev.alloydb.jakarta.benchmark.handles;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The resource adapter's JDBC handles against pgjdbc's own objects on the same physical connection (README
 * "Benchmarks", handle overhead). Each case runs once with {@code side=raw} (pgjdbc's connection, statements and
 * result sets) and once with {@code side=handle} (the application's connection handle and what it hands out); the
 * work and the SQL are the same. Run by {@link HandleOverheadMain}, which alternates the sides fork by fork.
 *
 * <p>{@code fetchedRows} re-reads a 100-row result set already in memory: no I/O, so it shows what the handles cost
 * per call against pgjdbc's own work, the worst case for them, with little of the network's noise.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HandleOverhead {

  /** Rows of {@link #hundredRows}, {@link #fetchedRows} and {@link #batchInsert}. */
  static final int ROWS = 100;

  /** One managed connection per fork, and the side's connection object on it. */
  @State(Scope.Thread)
  public abstract static class Side {

    /** {@code raw}: pgjdbc's objects; {@code handle}: the adapter's. */
    @Param({"raw", "handle"})
    public String side;

    AdapterConnection adapter;
    Connection connection;

    @Setup(Level.Trial)
    public void open() throws Exception {
      adapter = AdapterConnection.open(BenchmarkTarget.fromSystemProperty());
      connection = switch (side) {
        case "raw" -> adapter.physical();
        case "handle" -> adapter.handle();
        default -> throw new IllegalArgumentException("side must be raw or handle, not " + side);
      };
      prepare();
    }

    abstract void prepare() throws SQLException;

    @TearDown(Level.Trial)
    public void close() throws Exception {
      adapter.close();
    }
  }

  /** {@code SELECT 1} as a prepared statement. */
  public static class SelectOne extends Side {
    PreparedStatement statement;

    @Override
    void prepare() throws SQLException {
      statement = connection.prepareStatement("SELECT 1");
    }
  }

  /** A 100-row result set with an integer, a text and a floating-point column. */
  public static class HundredRows extends Side {
    PreparedStatement statement;

    @Override
    void prepare() throws SQLException {
      statement = connection.prepareStatement(
          "SELECT g, 'row ' || g, g * 0.5::float8 FROM generate_series(1, " + ROWS + ") g");
    }
  }

  /** The result of {@link HundredRows}, fetched once and scrollable, so it can be read again without I/O. */
  public static class FetchedRows extends Side {
    ResultSet rows;

    @Override
    void prepare() throws SQLException {
      Statement statement = connection.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY);
      rows = statement.executeQuery("SELECT g, 'row ' || g, g * 0.5::float8 FROM generate_series(1, " + ROWS + ") g");
    }
  }

  /** A 100-row batch insert in a transaction that is rolled back, so the table stays empty. */
  public static class BatchInsert extends Side {
    PreparedStatement statement;
    final String[] names = new String[ROWS];

    @Override
    void prepare() throws SQLException {
      try (Statement ddl = connection.createStatement()) {
        ddl.execute("CREATE TABLE IF NOT EXISTS handle_overhead (id int, name text, amount float8)");
      }
      connection.setAutoCommit(false);
      statement = connection.prepareStatement("INSERT INTO handle_overhead (id, name, amount) VALUES (?, ?, ?)");
      for (int i = 0; i < ROWS; i++) {
        names[i] = "row " + i;
      }
    }
  }

  @Benchmark
  public int selectOne(SelectOne s) throws SQLException {
    try (ResultSet rows = s.statement.executeQuery()) {
      rows.next();
      return rows.getInt(1);
    }
  }

  @Benchmark
  public double hundredRows(HundredRows s) throws SQLException {
    double sum = 0;
    try (ResultSet rows = s.statement.executeQuery()) {
      while (rows.next()) {
        sum += rows.getInt(1) + rows.getString(2).length() + rows.getDouble(3);
      }
    }
    return sum;
  }

  @Benchmark
  public double fetchedRows(FetchedRows s) throws SQLException {
    ResultSet rows = s.rows;
    rows.beforeFirst();
    double sum = 0;
    while (rows.next()) {
      sum += rows.getInt(1) + rows.getString(2).length() + rows.getDouble(3);
    }
    return sum;
  }

  @Benchmark
  public int batchInsert(BatchInsert s) throws SQLException {
    PreparedStatement insert = s.statement;
    for (int i = 0; i < ROWS; i++) {
      insert.setInt(1, i);
      insert.setString(2, s.names[i]);
      insert.setDouble(3, i * 0.5);
      insert.addBatch();
    }
    int inserted = insert.executeBatch().length;
    s.connection.rollback();
    return inserted;
  }
}
