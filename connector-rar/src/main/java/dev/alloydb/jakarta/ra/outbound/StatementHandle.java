package dev.alloydb.jakarta.ra.outbound;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Wrapper;

/**
 * A statement handed out through a {@link ConnectionHandle} (see {@link DependentHandle}); its result sets are
 * {@link ResultSetHandle}s whose {@code getStatement()} answers this. Closing it tells the connection handle, which
 * otherwise closes it when it is closed or re-associated.
 */
class StatementHandle extends DependentHandle implements Statement {

  private final Statement target;

  StatementHandle(Statement target, ConnectionHandle connection, HandleOwner owner) {
    super(connection, owner);
    this.target = target;
  }

  @Override
  final Wrapper target() {
    return target;
  }

  @Override
  public final Connection getConnection() {
    return connection;
  }

  @Override
  public final void close() throws SQLException {
    connection.forget(target);
    try {
      target.close();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public final boolean isClosed() throws SQLException {
    try {
      return target.isClosed();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public ResultSet executeQuery(String sql) throws SQLException {
    check();
    try {
      return resultSet(target.executeQuery(sql), this);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public int executeUpdate(String sql) throws SQLException {
    check();
    try {
      return target.executeUpdate(sql);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public int getMaxFieldSize() throws SQLException {
    check();
    try {
      return target.getMaxFieldSize();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setMaxFieldSize(int max) throws SQLException {
    check();
    try {
      target.setMaxFieldSize(max);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public int getMaxRows() throws SQLException {
    check();
    try {
      return target.getMaxRows();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setMaxRows(int max) throws SQLException {
    check();
    try {
      target.setMaxRows(max);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setEscapeProcessing(boolean enable) throws SQLException {
    check();
    try {
      target.setEscapeProcessing(enable);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public int getQueryTimeout() throws SQLException {
    check();
    try {
      return target.getQueryTimeout();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setQueryTimeout(int seconds) throws SQLException {
    check();
    try {
      target.setQueryTimeout(seconds);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void cancel() throws SQLException {
    check();
    try {
      target.cancel();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    check();
    try {
      return target.getWarnings();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void clearWarnings() throws SQLException {
    check();
    try {
      target.clearWarnings();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setCursorName(String name) throws SQLException {
    check();
    try {
      target.setCursorName(name);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean execute(String sql) throws SQLException {
    check();
    try {
      return target.execute(sql);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public ResultSet getResultSet() throws SQLException {
    check();
    try {
      return resultSet(target.getResultSet(), this);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public int getUpdateCount() throws SQLException {
    check();
    try {
      return target.getUpdateCount();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean getMoreResults() throws SQLException {
    check();
    try {
      return target.getMoreResults();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setFetchDirection(int direction) throws SQLException {
    check();
    try {
      target.setFetchDirection(direction);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public int getFetchDirection() throws SQLException {
    check();
    try {
      return target.getFetchDirection();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setFetchSize(int rows) throws SQLException {
    check();
    try {
      target.setFetchSize(rows);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public int getFetchSize() throws SQLException {
    check();
    try {
      return target.getFetchSize();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public int getResultSetConcurrency() throws SQLException {
    check();
    try {
      return target.getResultSetConcurrency();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public int getResultSetType() throws SQLException {
    check();
    try {
      return target.getResultSetType();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void addBatch(String sql) throws SQLException {
    check();
    try {
      target.addBatch(sql);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void clearBatch() throws SQLException {
    check();
    try {
      target.clearBatch();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public int[] executeBatch() throws SQLException {
    check();
    try {
      return target.executeBatch();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean getMoreResults(int current) throws SQLException {
    check();
    try {
      return target.getMoreResults(current);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public ResultSet getGeneratedKeys() throws SQLException {
    check();
    try {
      return resultSet(target.getGeneratedKeys(), this);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
    check();
    try {
      return target.executeUpdate(sql, autoGeneratedKeys);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
    check();
    try {
      return target.executeUpdate(sql, columnIndexes);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public int executeUpdate(String sql, String[] columnNames) throws SQLException {
    check();
    try {
      return target.executeUpdate(sql, columnNames);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
    check();
    try {
      return target.execute(sql, autoGeneratedKeys);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean execute(String sql, int[] columnIndexes) throws SQLException {
    check();
    try {
      return target.execute(sql, columnIndexes);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean execute(String sql, String[] columnNames) throws SQLException {
    check();
    try {
      return target.execute(sql, columnNames);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public int getResultSetHoldability() throws SQLException {
    check();
    try {
      return target.getResultSetHoldability();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setPoolable(boolean poolable) throws SQLException {
    check();
    try {
      target.setPoolable(poolable);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean isPoolable() throws SQLException {
    check();
    try {
      return target.isPoolable();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void closeOnCompletion() throws SQLException {
    check();
    try {
      target.closeOnCompletion();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean isCloseOnCompletion() throws SQLException {
    check();
    try {
      return target.isCloseOnCompletion();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public long getLargeUpdateCount() throws SQLException {
    check();
    try {
      return target.getLargeUpdateCount();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setLargeMaxRows(long max) throws SQLException {
    check();
    try {
      target.setLargeMaxRows(max);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public long getLargeMaxRows() throws SQLException {
    check();
    try {
      return target.getLargeMaxRows();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public long[] executeLargeBatch() throws SQLException {
    check();
    try {
      return target.executeLargeBatch();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public long executeLargeUpdate(String sql) throws SQLException {
    check();
    try {
      return target.executeLargeUpdate(sql);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
    check();
    try {
      return target.executeLargeUpdate(sql, autoGeneratedKeys);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
    check();
    try {
      return target.executeLargeUpdate(sql, columnIndexes);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
    check();
    try {
      return target.executeLargeUpdate(sql, columnNames);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public String enquoteLiteral(String val) throws SQLException {
    check();
    try {
      return target.enquoteLiteral(val);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public String enquoteIdentifier(String identifier, boolean alwaysQuote) throws SQLException {
    check();
    try {
      return target.enquoteIdentifier(identifier, alwaysQuote);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean isSimpleIdentifier(String identifier) throws SQLException {
    check();
    try {
      return target.isSimpleIdentifier(identifier);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public String enquoteNCharLiteral(String val) throws SQLException {
    check();
    try {
      return target.enquoteNCharLiteral(val);
    } catch (SQLException e) {
      throw failed(e);
    }
  }
}
