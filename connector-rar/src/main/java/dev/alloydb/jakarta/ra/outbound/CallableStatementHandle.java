package dev.alloydb.jakarta.ra.outbound;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;

/** A callable statement handed out through a {@link ConnectionHandle} (see {@link StatementHandle}). */
final class CallableStatementHandle extends PreparedStatementHandle implements CallableStatement {

  private final CallableStatement target;

  CallableStatementHandle(CallableStatement target, ConnectionHandle connection, HandleOwner owner) {
    super(target, connection, owner);
    this.target = target;
  }

  @Override
  public void registerOutParameter(int parameterIndex, int sqlType) throws SQLException {
    check();
    try {
      target.registerOutParameter(parameterIndex, sqlType);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void registerOutParameter(int parameterIndex, int sqlType, int scale) throws SQLException {
    check();
    try {
      target.registerOutParameter(parameterIndex, sqlType, scale);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean wasNull() throws SQLException {
    check();
    try {
      return target.wasNull();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public String getString(int parameterIndex) throws SQLException {
    check();
    try {
      return target.getString(parameterIndex);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean getBoolean(int parameterIndex) throws SQLException {
    check();
    try {
      return target.getBoolean(parameterIndex);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public byte getByte(int parameterIndex) throws SQLException {
    check();
    try {
      return target.getByte(parameterIndex);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public short getShort(int parameterIndex) throws SQLException {
    check();
    try {
      return target.getShort(parameterIndex);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public int getInt(int parameterIndex) throws SQLException {
    check();
    try {
      return target.getInt(parameterIndex);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public long getLong(int parameterIndex) throws SQLException {
    check();
    try {
      return target.getLong(parameterIndex);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public float getFloat(int parameterIndex) throws SQLException {
    check();
    try {
      return target.getFloat(parameterIndex);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public double getDouble(int parameterIndex) throws SQLException {
    check();
    try {
      return target.getDouble(parameterIndex);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Deprecated
  @Override
  public BigDecimal getBigDecimal(int parameterIndex, int scale) throws SQLException {
    check();
    try {
      return target.getBigDecimal(parameterIndex, scale);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public byte[] getBytes(int parameterIndex) throws SQLException {
    check();
    try {
      return target.getBytes(parameterIndex);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public java.sql.Date getDate(int parameterIndex) throws SQLException {
    check();
    try {
      return target.getDate(parameterIndex);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public java.sql.Time getTime(int parameterIndex) throws SQLException {
    check();
    try {
      return target.getTime(parameterIndex);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public java.sql.Timestamp getTimestamp(int parameterIndex) throws SQLException {
    check();
    try {
      return target.getTimestamp(parameterIndex);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public Object getObject(int parameterIndex) throws SQLException {
    check();
    try {
      return target.getObject(parameterIndex);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public BigDecimal getBigDecimal(int parameterIndex) throws SQLException {
    check();
    try {
      return target.getBigDecimal(parameterIndex);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public Object getObject(int parameterIndex, java.util.Map<String, Class<?>> map) throws SQLException {
    check();
    try {
      return target.getObject(parameterIndex, map);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public Ref getRef(int parameterIndex) throws SQLException {
    check();
    try {
      return target.getRef(parameterIndex);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public Blob getBlob(int parameterIndex) throws SQLException {
    check();
    try {
      return target.getBlob(parameterIndex);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public Clob getClob(int parameterIndex) throws SQLException {
    check();
    try {
      return target.getClob(parameterIndex);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public Array getArray(int parameterIndex) throws SQLException {
    check();
    try {
      return target.getArray(parameterIndex);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public java.sql.Date getDate(int parameterIndex, Calendar cal) throws SQLException {
    check();
    try {
      return target.getDate(parameterIndex, cal);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public java.sql.Time getTime(int parameterIndex, Calendar cal) throws SQLException {
    check();
    try {
      return target.getTime(parameterIndex, cal);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public java.sql.Timestamp getTimestamp(int parameterIndex, Calendar cal) throws SQLException {
    check();
    try {
      return target.getTimestamp(parameterIndex, cal);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void registerOutParameter(int parameterIndex, int sqlType, String typeName) throws SQLException {
    check();
    try {
      target.registerOutParameter(parameterIndex, sqlType, typeName);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void registerOutParameter(String parameterName, int sqlType) throws SQLException {
    check();
    try {
      target.registerOutParameter(parameterName, sqlType);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void registerOutParameter(String parameterName, int sqlType, int scale) throws SQLException {
    check();
    try {
      target.registerOutParameter(parameterName, sqlType, scale);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void registerOutParameter(String parameterName, int sqlType, String typeName) throws SQLException {
    check();
    try {
      target.registerOutParameter(parameterName, sqlType, typeName);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public java.net.URL getURL(int parameterIndex) throws SQLException {
    check();
    try {
      return target.getURL(parameterIndex);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setURL(String parameterName, java.net.URL val) throws SQLException {
    check();
    try {
      target.setURL(parameterName, val);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setNull(String parameterName, int sqlType) throws SQLException {
    check();
    try {
      target.setNull(parameterName, sqlType);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setBoolean(String parameterName, boolean x) throws SQLException {
    check();
    try {
      target.setBoolean(parameterName, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setByte(String parameterName, byte x) throws SQLException {
    check();
    try {
      target.setByte(parameterName, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setShort(String parameterName, short x) throws SQLException {
    check();
    try {
      target.setShort(parameterName, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setInt(String parameterName, int x) throws SQLException {
    check();
    try {
      target.setInt(parameterName, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setLong(String parameterName, long x) throws SQLException {
    check();
    try {
      target.setLong(parameterName, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setFloat(String parameterName, float x) throws SQLException {
    check();
    try {
      target.setFloat(parameterName, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setDouble(String parameterName, double x) throws SQLException {
    check();
    try {
      target.setDouble(parameterName, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setBigDecimal(String parameterName, BigDecimal x) throws SQLException {
    check();
    try {
      target.setBigDecimal(parameterName, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setString(String parameterName, String x) throws SQLException {
    check();
    try {
      target.setString(parameterName, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setBytes(String parameterName, byte[] x) throws SQLException {
    check();
    try {
      target.setBytes(parameterName, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setDate(String parameterName, java.sql.Date x) throws SQLException {
    check();
    try {
      target.setDate(parameterName, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setTime(String parameterName, java.sql.Time x) throws SQLException {
    check();
    try {
      target.setTime(parameterName, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setTimestamp(String parameterName, java.sql.Timestamp x) throws SQLException {
    check();
    try {
      target.setTimestamp(parameterName, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setAsciiStream(String parameterName, java.io.InputStream x, int length) throws SQLException {
    check();
    try {
      target.setAsciiStream(parameterName, x, length);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setBinaryStream(String parameterName, java.io.InputStream x, int length) throws SQLException {
    check();
    try {
      target.setBinaryStream(parameterName, x, length);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setObject(String parameterName, Object x, int targetSqlType, int scale) throws SQLException {
    check();
    try {
      target.setObject(parameterName, x, targetSqlType, scale);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setObject(String parameterName, Object x, int targetSqlType) throws SQLException {
    check();
    try {
      target.setObject(parameterName, x, targetSqlType);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setObject(String parameterName, Object x) throws SQLException {
    check();
    try {
      target.setObject(parameterName, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setCharacterStream(String parameterName, java.io.Reader reader, int length) throws SQLException {
    check();
    try {
      target.setCharacterStream(parameterName, reader, length);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setDate(String parameterName, java.sql.Date x, Calendar cal) throws SQLException {
    check();
    try {
      target.setDate(parameterName, x, cal);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setTime(String parameterName, java.sql.Time x, Calendar cal) throws SQLException {
    check();
    try {
      target.setTime(parameterName, x, cal);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setTimestamp(String parameterName, java.sql.Timestamp x, Calendar cal) throws SQLException {
    check();
    try {
      target.setTimestamp(parameterName, x, cal);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setNull(String parameterName, int sqlType, String typeName) throws SQLException {
    check();
    try {
      target.setNull(parameterName, sqlType, typeName);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public String getString(String parameterName) throws SQLException {
    check();
    try {
      return target.getString(parameterName);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean getBoolean(String parameterName) throws SQLException {
    check();
    try {
      return target.getBoolean(parameterName);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public byte getByte(String parameterName) throws SQLException {
    check();
    try {
      return target.getByte(parameterName);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public short getShort(String parameterName) throws SQLException {
    check();
    try {
      return target.getShort(parameterName);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public int getInt(String parameterName) throws SQLException {
    check();
    try {
      return target.getInt(parameterName);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public long getLong(String parameterName) throws SQLException {
    check();
    try {
      return target.getLong(parameterName);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public float getFloat(String parameterName) throws SQLException {
    check();
    try {
      return target.getFloat(parameterName);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public double getDouble(String parameterName) throws SQLException {
    check();
    try {
      return target.getDouble(parameterName);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public byte[] getBytes(String parameterName) throws SQLException {
    check();
    try {
      return target.getBytes(parameterName);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public java.sql.Date getDate(String parameterName) throws SQLException {
    check();
    try {
      return target.getDate(parameterName);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public java.sql.Time getTime(String parameterName) throws SQLException {
    check();
    try {
      return target.getTime(parameterName);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public java.sql.Timestamp getTimestamp(String parameterName) throws SQLException {
    check();
    try {
      return target.getTimestamp(parameterName);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public Object getObject(String parameterName) throws SQLException {
    check();
    try {
      return target.getObject(parameterName);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public BigDecimal getBigDecimal(String parameterName) throws SQLException {
    check();
    try {
      return target.getBigDecimal(parameterName);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public Object getObject(String parameterName, java.util.Map<String, Class<?>> map) throws SQLException {
    check();
    try {
      return target.getObject(parameterName, map);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public Ref getRef(String parameterName) throws SQLException {
    check();
    try {
      return target.getRef(parameterName);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public Blob getBlob(String parameterName) throws SQLException {
    check();
    try {
      return target.getBlob(parameterName);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public Clob getClob(String parameterName) throws SQLException {
    check();
    try {
      return target.getClob(parameterName);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public Array getArray(String parameterName) throws SQLException {
    check();
    try {
      return target.getArray(parameterName);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public java.sql.Date getDate(String parameterName, Calendar cal) throws SQLException {
    check();
    try {
      return target.getDate(parameterName, cal);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public java.sql.Time getTime(String parameterName, Calendar cal) throws SQLException {
    check();
    try {
      return target.getTime(parameterName, cal);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public java.sql.Timestamp getTimestamp(String parameterName, Calendar cal) throws SQLException {
    check();
    try {
      return target.getTimestamp(parameterName, cal);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public java.net.URL getURL(String parameterName) throws SQLException {
    check();
    try {
      return target.getURL(parameterName);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public RowId getRowId(int parameterIndex) throws SQLException {
    check();
    try {
      return target.getRowId(parameterIndex);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public RowId getRowId(String parameterName) throws SQLException {
    check();
    try {
      return target.getRowId(parameterName);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setRowId(String parameterName, RowId x) throws SQLException {
    check();
    try {
      target.setRowId(parameterName, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setNString(String parameterName, String value) throws SQLException {
    check();
    try {
      target.setNString(parameterName, value);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setNCharacterStream(String parameterName, Reader value, long length) throws SQLException {
    check();
    try {
      target.setNCharacterStream(parameterName, value, length);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setNClob(String parameterName, NClob value) throws SQLException {
    check();
    try {
      target.setNClob(parameterName, value);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setClob(String parameterName, Reader reader, long length) throws SQLException {
    check();
    try {
      target.setClob(parameterName, reader, length);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setBlob(String parameterName, InputStream inputStream, long length) throws SQLException {
    check();
    try {
      target.setBlob(parameterName, inputStream, length);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setNClob(String parameterName, Reader reader, long length) throws SQLException {
    check();
    try {
      target.setNClob(parameterName, reader, length);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public NClob getNClob(int parameterIndex) throws SQLException {
    check();
    try {
      return target.getNClob(parameterIndex);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public NClob getNClob(String parameterName) throws SQLException {
    check();
    try {
      return target.getNClob(parameterName);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setSQLXML(String parameterName, SQLXML xmlObject) throws SQLException {
    check();
    try {
      target.setSQLXML(parameterName, xmlObject);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public SQLXML getSQLXML(int parameterIndex) throws SQLException {
    check();
    try {
      return target.getSQLXML(parameterIndex);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public SQLXML getSQLXML(String parameterName) throws SQLException {
    check();
    try {
      return target.getSQLXML(parameterName);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public String getNString(int parameterIndex) throws SQLException {
    check();
    try {
      return target.getNString(parameterIndex);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public String getNString(String parameterName) throws SQLException {
    check();
    try {
      return target.getNString(parameterName);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public java.io.Reader getNCharacterStream(int parameterIndex) throws SQLException {
    check();
    try {
      return target.getNCharacterStream(parameterIndex);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public java.io.Reader getNCharacterStream(String parameterName) throws SQLException {
    check();
    try {
      return target.getNCharacterStream(parameterName);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public java.io.Reader getCharacterStream(int parameterIndex) throws SQLException {
    check();
    try {
      return target.getCharacterStream(parameterIndex);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public java.io.Reader getCharacterStream(String parameterName) throws SQLException {
    check();
    try {
      return target.getCharacterStream(parameterName);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setBlob(String parameterName, Blob x) throws SQLException {
    check();
    try {
      target.setBlob(parameterName, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setClob(String parameterName, Clob x) throws SQLException {
    check();
    try {
      target.setClob(parameterName, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setAsciiStream(String parameterName, java.io.InputStream x, long length) throws SQLException {
    check();
    try {
      target.setAsciiStream(parameterName, x, length);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setBinaryStream(String parameterName, java.io.InputStream x, long length) throws SQLException {
    check();
    try {
      target.setBinaryStream(parameterName, x, length);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setCharacterStream(String parameterName, java.io.Reader reader, long length) throws SQLException {
    check();
    try {
      target.setCharacterStream(parameterName, reader, length);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setAsciiStream(String parameterName, java.io.InputStream x) throws SQLException {
    check();
    try {
      target.setAsciiStream(parameterName, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setBinaryStream(String parameterName, java.io.InputStream x) throws SQLException {
    check();
    try {
      target.setBinaryStream(parameterName, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setCharacterStream(String parameterName, java.io.Reader reader) throws SQLException {
    check();
    try {
      target.setCharacterStream(parameterName, reader);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setNCharacterStream(String parameterName, Reader value) throws SQLException {
    check();
    try {
      target.setNCharacterStream(parameterName, value);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setClob(String parameterName, Reader reader) throws SQLException {
    check();
    try {
      target.setClob(parameterName, reader);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setBlob(String parameterName, InputStream inputStream) throws SQLException {
    check();
    try {
      target.setBlob(parameterName, inputStream);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setNClob(String parameterName, Reader reader) throws SQLException {
    check();
    try {
      target.setNClob(parameterName, reader);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public <T> T getObject(int parameterIndex, Class<T> type) throws SQLException {
    check();
    try {
      return target.getObject(parameterIndex, type);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public <T> T getObject(String parameterName, Class<T> type) throws SQLException {
    check();
    try {
      return target.getObject(parameterName, type);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setObject(String parameterName, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
    check();
    try {
      target.setObject(parameterName, x, targetSqlType, scaleOrLength);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void setObject(String parameterName, Object x, SQLType targetSqlType) throws SQLException {
    check();
    try {
      target.setObject(parameterName, x, targetSqlType);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void registerOutParameter(int parameterIndex, SQLType sqlType) throws SQLException {
    check();
    try {
      target.registerOutParameter(parameterIndex, sqlType);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void registerOutParameter(int parameterIndex, SQLType sqlType, int scale) throws SQLException {
    check();
    try {
      target.registerOutParameter(parameterIndex, sqlType, scale);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void registerOutParameter(int parameterIndex, SQLType sqlType, String typeName) throws SQLException {
    check();
    try {
      target.registerOutParameter(parameterIndex, sqlType, typeName);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void registerOutParameter(String parameterName, SQLType sqlType) throws SQLException {
    check();
    try {
      target.registerOutParameter(parameterName, sqlType);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void registerOutParameter(String parameterName, SQLType sqlType, int scale) throws SQLException {
    check();
    try {
      target.registerOutParameter(parameterName, sqlType, scale);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void registerOutParameter(String parameterName, SQLType sqlType, String typeName) throws SQLException {
    check();
    try {
      target.registerOutParameter(parameterName, sqlType, typeName);
    } catch (SQLException e) {
      throw failed(e);
    }
  }
}
