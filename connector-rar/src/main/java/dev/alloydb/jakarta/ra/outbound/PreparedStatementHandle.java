package dev.alloydb.jakarta.ra.outbound;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;

/** A prepared statement handed out through a {@link ConnectionHandle} (see {@link StatementHandle}). */
class PreparedStatementHandle extends StatementHandle implements PreparedStatement {

  private final PreparedStatement target;

  PreparedStatementHandle(PreparedStatement target, ConnectionHandle connection, HandleOwner owner) {
    super(target, connection, owner);
    this.target = target;
  }

  @Override
  public ResultSet executeQuery() throws SQLException {
    check();
    try {
      return resultSet(target.executeQuery(), this);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public int executeUpdate() throws SQLException {
    check();
    try {
      return target.executeUpdate();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setNull(int parameterIndex, int sqlType) throws SQLException {
    check();
    try {
      target.setNull(parameterIndex, sqlType);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setBoolean(int parameterIndex, boolean x) throws SQLException {
    check();
    try {
      target.setBoolean(parameterIndex, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setByte(int parameterIndex, byte x) throws SQLException {
    check();
    try {
      target.setByte(parameterIndex, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setShort(int parameterIndex, short x) throws SQLException {
    check();
    try {
      target.setShort(parameterIndex, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setInt(int parameterIndex, int x) throws SQLException {
    check();
    try {
      target.setInt(parameterIndex, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setLong(int parameterIndex, long x) throws SQLException {
    check();
    try {
      target.setLong(parameterIndex, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setFloat(int parameterIndex, float x) throws SQLException {
    check();
    try {
      target.setFloat(parameterIndex, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setDouble(int parameterIndex, double x) throws SQLException {
    check();
    try {
      target.setDouble(parameterIndex, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setBigDecimal(int parameterIndex, BigDecimal x) throws SQLException {
    check();
    try {
      target.setBigDecimal(parameterIndex, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setString(int parameterIndex, String x) throws SQLException {
    check();
    try {
      target.setString(parameterIndex, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setBytes(int parameterIndex, byte[] x) throws SQLException {
    check();
    try {
      target.setBytes(parameterIndex, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setDate(int parameterIndex, java.sql.Date x) throws SQLException {
    check();
    try {
      target.setDate(parameterIndex, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setTime(int parameterIndex, java.sql.Time x) throws SQLException {
    check();
    try {
      target.setTime(parameterIndex, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setTimestamp(int parameterIndex, java.sql.Timestamp x) throws SQLException {
    check();
    try {
      target.setTimestamp(parameterIndex, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setAsciiStream(int parameterIndex, java.io.InputStream x, int length) throws SQLException {
    check();
    try {
      target.setAsciiStream(parameterIndex, x, length);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Deprecated
  @Override
  public void setUnicodeStream(int parameterIndex, java.io.InputStream x, int length) throws SQLException {
    check();
    try {
      target.setUnicodeStream(parameterIndex, x, length);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setBinaryStream(int parameterIndex, java.io.InputStream x, int length) throws SQLException {
    check();
    try {
      target.setBinaryStream(parameterIndex, x, length);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void clearParameters() throws SQLException {
    check();
    try {
      target.clearParameters();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
    check();
    try {
      target.setObject(parameterIndex, x, targetSqlType);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setObject(int parameterIndex, Object x) throws SQLException {
    check();
    try {
      target.setObject(parameterIndex, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean execute() throws SQLException {
    check();
    try {
      return target.execute();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void addBatch() throws SQLException {
    check();
    try {
      target.addBatch();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setCharacterStream(int parameterIndex, java.io.Reader reader, int length) throws SQLException {
    check();
    try {
      target.setCharacterStream(parameterIndex, reader, length);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setRef(int parameterIndex, Ref x) throws SQLException {
    check();
    try {
      target.setRef(parameterIndex, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setBlob(int parameterIndex, Blob x) throws SQLException {
    check();
    try {
      target.setBlob(parameterIndex, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setClob(int parameterIndex, Clob x) throws SQLException {
    check();
    try {
      target.setClob(parameterIndex, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setArray(int parameterIndex, Array x) throws SQLException {
    check();
    try {
      target.setArray(parameterIndex, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    check();
    try {
      return target.getMetaData();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setDate(int parameterIndex, java.sql.Date x, Calendar cal) throws SQLException {
    check();
    try {
      target.setDate(parameterIndex, x, cal);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setTime(int parameterIndex, java.sql.Time x, Calendar cal) throws SQLException {
    check();
    try {
      target.setTime(parameterIndex, x, cal);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setTimestamp(int parameterIndex, java.sql.Timestamp x, Calendar cal) throws SQLException {
    check();
    try {
      target.setTimestamp(parameterIndex, x, cal);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setNull(int parameterIndex, int sqlType, String typeName) throws SQLException {
    check();
    try {
      target.setNull(parameterIndex, sqlType, typeName);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setURL(int parameterIndex, java.net.URL x) throws SQLException {
    check();
    try {
      target.setURL(parameterIndex, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public ParameterMetaData getParameterMetaData() throws SQLException {
    check();
    try {
      return target.getParameterMetaData();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setRowId(int parameterIndex, RowId x) throws SQLException {
    check();
    try {
      target.setRowId(parameterIndex, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setNString(int parameterIndex, String value) throws SQLException {
    check();
    try {
      target.setNString(parameterIndex, value);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setNCharacterStream(int parameterIndex, Reader value, long length) throws SQLException {
    check();
    try {
      target.setNCharacterStream(parameterIndex, value, length);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setNClob(int parameterIndex, NClob value) throws SQLException {
    check();
    try {
      target.setNClob(parameterIndex, value);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setClob(int parameterIndex, Reader reader, long length) throws SQLException {
    check();
    try {
      target.setClob(parameterIndex, reader, length);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setBlob(int parameterIndex, InputStream inputStream, long length) throws SQLException {
    check();
    try {
      target.setBlob(parameterIndex, inputStream, length);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setNClob(int parameterIndex, Reader reader, long length) throws SQLException {
    check();
    try {
      target.setNClob(parameterIndex, reader, length);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setSQLXML(int parameterIndex, SQLXML xmlObject) throws SQLException {
    check();
    try {
      target.setSQLXML(parameterIndex, xmlObject);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
    check();
    try {
      target.setObject(parameterIndex, x, targetSqlType, scaleOrLength);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setAsciiStream(int parameterIndex, java.io.InputStream x, long length) throws SQLException {
    check();
    try {
      target.setAsciiStream(parameterIndex, x, length);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setBinaryStream(int parameterIndex, java.io.InputStream x, long length) throws SQLException {
    check();
    try {
      target.setBinaryStream(parameterIndex, x, length);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setCharacterStream(int parameterIndex, java.io.Reader reader, long length) throws SQLException {
    check();
    try {
      target.setCharacterStream(parameterIndex, reader, length);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setAsciiStream(int parameterIndex, java.io.InputStream x) throws SQLException {
    check();
    try {
      target.setAsciiStream(parameterIndex, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setBinaryStream(int parameterIndex, java.io.InputStream x) throws SQLException {
    check();
    try {
      target.setBinaryStream(parameterIndex, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setCharacterStream(int parameterIndex, java.io.Reader reader) throws SQLException {
    check();
    try {
      target.setCharacterStream(parameterIndex, reader);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setNCharacterStream(int parameterIndex, Reader value) throws SQLException {
    check();
    try {
      target.setNCharacterStream(parameterIndex, value);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setClob(int parameterIndex, Reader reader) throws SQLException {
    check();
    try {
      target.setClob(parameterIndex, reader);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setBlob(int parameterIndex, InputStream inputStream) throws SQLException {
    check();
    try {
      target.setBlob(parameterIndex, inputStream);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setNClob(int parameterIndex, Reader reader) throws SQLException {
    check();
    try {
      target.setNClob(parameterIndex, reader);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setObject(int parameterIndex, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
    check();
    try {
      target.setObject(parameterIndex, x, targetSqlType, scaleOrLength);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setObject(int parameterIndex, Object x, SQLType targetSqlType) throws SQLException {
    check();
    try {
      target.setObject(parameterIndex, x, targetSqlType);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public long executeLargeUpdate() throws SQLException {
    check();
    try {
      return target.executeLargeUpdate();
    } catch (SQLException e) {
      throw failed(e);
    }
  }
}
