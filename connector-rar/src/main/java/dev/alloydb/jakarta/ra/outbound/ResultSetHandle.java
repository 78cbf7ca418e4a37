package dev.alloydb.jakarta.ra.outbound;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Wrapper;
import java.util.Calendar;

/**
 * A result set handed out through a {@link ConnectionHandle} (see {@link DependentHandle}): {@code getStatement()}
 * answers the statement handle that produced it, or {@code null} for metadata result sets, as JDBC allows for
 * results "produced some other way".
 */
final class ResultSetHandle extends DependentHandle implements ResultSet {

  private final ResultSet target;
  private final Statement producer;

  ResultSetHandle(ResultSet target, ConnectionHandle connection, HandleOwner owner, Statement producer) {
    super(connection, owner);
    this.target = target;
    this.producer = producer;
  }

  @Override
  Wrapper target() {
    return target;
  }

  @Override
  public Statement getStatement() {
    return producer;
  }

  @Override
  public void close() throws SQLException {
    try {
      target.close();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean isClosed() throws SQLException {
    try {
      return target.isClosed();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean next() throws SQLException {
    check();
    try {
      return target.next();
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
  public String getString(int columnIndex) throws SQLException {
    check();
    try {
      return target.getString(columnIndex);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean getBoolean(int columnIndex) throws SQLException {
    check();
    try {
      return target.getBoolean(columnIndex);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public byte getByte(int columnIndex) throws SQLException {
    check();
    try {
      return target.getByte(columnIndex);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public short getShort(int columnIndex) throws SQLException {
    check();
    try {
      return target.getShort(columnIndex);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public int getInt(int columnIndex) throws SQLException {
    check();
    try {
      return target.getInt(columnIndex);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public long getLong(int columnIndex) throws SQLException {
    check();
    try {
      return target.getLong(columnIndex);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public float getFloat(int columnIndex) throws SQLException {
    check();
    try {
      return target.getFloat(columnIndex);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public double getDouble(int columnIndex) throws SQLException {
    check();
    try {
      return target.getDouble(columnIndex);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Deprecated
  @Override
  public BigDecimal getBigDecimal(int columnIndex, int scale) throws SQLException {
    check();
    try {
      return target.getBigDecimal(columnIndex, scale);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public byte[] getBytes(int columnIndex) throws SQLException {
    check();
    try {
      return target.getBytes(columnIndex);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public java.sql.Date getDate(int columnIndex) throws SQLException {
    check();
    try {
      return target.getDate(columnIndex);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public java.sql.Time getTime(int columnIndex) throws SQLException {
    check();
    try {
      return target.getTime(columnIndex);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public java.sql.Timestamp getTimestamp(int columnIndex) throws SQLException {
    check();
    try {
      return target.getTimestamp(columnIndex);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public java.io.InputStream getAsciiStream(int columnIndex) throws SQLException {
    check();
    try {
      return target.getAsciiStream(columnIndex);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Deprecated
  @Override
  public java.io.InputStream getUnicodeStream(int columnIndex) throws SQLException {
    check();
    try {
      return target.getUnicodeStream(columnIndex);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public java.io.InputStream getBinaryStream(int columnIndex) throws SQLException {
    check();
    try {
      return target.getBinaryStream(columnIndex);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public String getString(String columnLabel) throws SQLException {
    check();
    try {
      return target.getString(columnLabel);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean getBoolean(String columnLabel) throws SQLException {
    check();
    try {
      return target.getBoolean(columnLabel);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public byte getByte(String columnLabel) throws SQLException {
    check();
    try {
      return target.getByte(columnLabel);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public short getShort(String columnLabel) throws SQLException {
    check();
    try {
      return target.getShort(columnLabel);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public int getInt(String columnLabel) throws SQLException {
    check();
    try {
      return target.getInt(columnLabel);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public long getLong(String columnLabel) throws SQLException {
    check();
    try {
      return target.getLong(columnLabel);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public float getFloat(String columnLabel) throws SQLException {
    check();
    try {
      return target.getFloat(columnLabel);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public double getDouble(String columnLabel) throws SQLException {
    check();
    try {
      return target.getDouble(columnLabel);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Deprecated
  @Override
  public BigDecimal getBigDecimal(String columnLabel, int scale) throws SQLException {
    check();
    try {
      return target.getBigDecimal(columnLabel, scale);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public byte[] getBytes(String columnLabel) throws SQLException {
    check();
    try {
      return target.getBytes(columnLabel);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public java.sql.Date getDate(String columnLabel) throws SQLException {
    check();
    try {
      return target.getDate(columnLabel);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public java.sql.Time getTime(String columnLabel) throws SQLException {
    check();
    try {
      return target.getTime(columnLabel);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public java.sql.Timestamp getTimestamp(String columnLabel) throws SQLException {
    check();
    try {
      return target.getTimestamp(columnLabel);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public java.io.InputStream getAsciiStream(String columnLabel) throws SQLException {
    check();
    try {
      return target.getAsciiStream(columnLabel);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Deprecated
  @Override
  public java.io.InputStream getUnicodeStream(String columnLabel) throws SQLException {
    check();
    try {
      return target.getUnicodeStream(columnLabel);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public java.io.InputStream getBinaryStream(String columnLabel) throws SQLException {
    check();
    try {
      return target.getBinaryStream(columnLabel);
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
  public String getCursorName() throws SQLException {
    check();
    try {
      return target.getCursorName();
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
  public Object getObject(int columnIndex) throws SQLException {
    check();
    try {
      return target.getObject(columnIndex);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public Object getObject(String columnLabel) throws SQLException {
    check();
    try {
      return target.getObject(columnLabel);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public int findColumn(String columnLabel) throws SQLException {
    check();
    try {
      return target.findColumn(columnLabel);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public java.io.Reader getCharacterStream(int columnIndex) throws SQLException {
    check();
    try {
      return target.getCharacterStream(columnIndex);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public java.io.Reader getCharacterStream(String columnLabel) throws SQLException {
    check();
    try {
      return target.getCharacterStream(columnLabel);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public BigDecimal getBigDecimal(int columnIndex) throws SQLException {
    check();
    try {
      return target.getBigDecimal(columnIndex);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public BigDecimal getBigDecimal(String columnLabel) throws SQLException {
    check();
    try {
      return target.getBigDecimal(columnLabel);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean isBeforeFirst() throws SQLException {
    check();
    try {
      return target.isBeforeFirst();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean isAfterLast() throws SQLException {
    check();
    try {
      return target.isAfterLast();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean isFirst() throws SQLException {
    check();
    try {
      return target.isFirst();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean isLast() throws SQLException {
    check();
    try {
      return target.isLast();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void beforeFirst() throws SQLException {
    check();
    try {
      target.beforeFirst();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void afterLast() throws SQLException {
    check();
    try {
      target.afterLast();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean first() throws SQLException {
    check();
    try {
      return target.first();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean last() throws SQLException {
    check();
    try {
      return target.last();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public int getRow() throws SQLException {
    check();
    try {
      return target.getRow();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean absolute(int row) throws SQLException {
    check();
    try {
      return target.absolute(row);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean relative(int rows) throws SQLException {
    check();
    try {
      return target.relative(rows);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean previous() throws SQLException {
    check();
    try {
      return target.previous();
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
  public int getType() throws SQLException {
    check();
    try {
      return target.getType();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public int getConcurrency() throws SQLException {
    check();
    try {
      return target.getConcurrency();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean rowUpdated() throws SQLException {
    check();
    try {
      return target.rowUpdated();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean rowInserted() throws SQLException {
    check();
    try {
      return target.rowInserted();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean rowDeleted() throws SQLException {
    check();
    try {
      return target.rowDeleted();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateNull(int columnIndex) throws SQLException {
    check();
    try {
      target.updateNull(columnIndex);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateBoolean(int columnIndex, boolean x) throws SQLException {
    check();
    try {
      target.updateBoolean(columnIndex, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateByte(int columnIndex, byte x) throws SQLException {
    check();
    try {
      target.updateByte(columnIndex, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateShort(int columnIndex, short x) throws SQLException {
    check();
    try {
      target.updateShort(columnIndex, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateInt(int columnIndex, int x) throws SQLException {
    check();
    try {
      target.updateInt(columnIndex, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateLong(int columnIndex, long x) throws SQLException {
    check();
    try {
      target.updateLong(columnIndex, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateFloat(int columnIndex, float x) throws SQLException {
    check();
    try {
      target.updateFloat(columnIndex, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateDouble(int columnIndex, double x) throws SQLException {
    check();
    try {
      target.updateDouble(columnIndex, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateBigDecimal(int columnIndex, BigDecimal x) throws SQLException {
    check();
    try {
      target.updateBigDecimal(columnIndex, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateString(int columnIndex, String x) throws SQLException {
    check();
    try {
      target.updateString(columnIndex, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateBytes(int columnIndex, byte[] x) throws SQLException {
    check();
    try {
      target.updateBytes(columnIndex, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateDate(int columnIndex, java.sql.Date x) throws SQLException {
    check();
    try {
      target.updateDate(columnIndex, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateTime(int columnIndex, java.sql.Time x) throws SQLException {
    check();
    try {
      target.updateTime(columnIndex, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateTimestamp(int columnIndex, java.sql.Timestamp x) throws SQLException {
    check();
    try {
      target.updateTimestamp(columnIndex, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateAsciiStream(int columnIndex, java.io.InputStream x, int length) throws SQLException {
    check();
    try {
      target.updateAsciiStream(columnIndex, x, length);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateBinaryStream(int columnIndex, java.io.InputStream x, int length) throws SQLException {
    check();
    try {
      target.updateBinaryStream(columnIndex, x, length);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateCharacterStream(int columnIndex, java.io.Reader x, int length) throws SQLException {
    check();
    try {
      target.updateCharacterStream(columnIndex, x, length);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateObject(int columnIndex, Object x, int scaleOrLength) throws SQLException {
    check();
    try {
      target.updateObject(columnIndex, x, scaleOrLength);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateObject(int columnIndex, Object x) throws SQLException {
    check();
    try {
      target.updateObject(columnIndex, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateNull(String columnLabel) throws SQLException {
    check();
    try {
      target.updateNull(columnLabel);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateBoolean(String columnLabel, boolean x) throws SQLException {
    check();
    try {
      target.updateBoolean(columnLabel, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateByte(String columnLabel, byte x) throws SQLException {
    check();
    try {
      target.updateByte(columnLabel, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateShort(String columnLabel, short x) throws SQLException {
    check();
    try {
      target.updateShort(columnLabel, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateInt(String columnLabel, int x) throws SQLException {
    check();
    try {
      target.updateInt(columnLabel, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateLong(String columnLabel, long x) throws SQLException {
    check();
    try {
      target.updateLong(columnLabel, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateFloat(String columnLabel, float x) throws SQLException {
    check();
    try {
      target.updateFloat(columnLabel, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateDouble(String columnLabel, double x) throws SQLException {
    check();
    try {
      target.updateDouble(columnLabel, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateBigDecimal(String columnLabel, BigDecimal x) throws SQLException {
    check();
    try {
      target.updateBigDecimal(columnLabel, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateString(String columnLabel, String x) throws SQLException {
    check();
    try {
      target.updateString(columnLabel, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateBytes(String columnLabel, byte[] x) throws SQLException {
    check();
    try {
      target.updateBytes(columnLabel, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateDate(String columnLabel, java.sql.Date x) throws SQLException {
    check();
    try {
      target.updateDate(columnLabel, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateTime(String columnLabel, java.sql.Time x) throws SQLException {
    check();
    try {
      target.updateTime(columnLabel, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateTimestamp(String columnLabel, java.sql.Timestamp x) throws SQLException {
    check();
    try {
      target.updateTimestamp(columnLabel, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateAsciiStream(String columnLabel, java.io.InputStream x, int length) throws SQLException {
    check();
    try {
      target.updateAsciiStream(columnLabel, x, length);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateBinaryStream(String columnLabel, java.io.InputStream x, int length) throws SQLException {
    check();
    try {
      target.updateBinaryStream(columnLabel, x, length);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateCharacterStream(String columnLabel, java.io.Reader reader, int length) throws SQLException {
    check();
    try {
      target.updateCharacterStream(columnLabel, reader, length);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateObject(String columnLabel, Object x, int scaleOrLength) throws SQLException {
    check();
    try {
      target.updateObject(columnLabel, x, scaleOrLength);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateObject(String columnLabel, Object x) throws SQLException {
    check();
    try {
      target.updateObject(columnLabel, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void insertRow() throws SQLException {
    check();
    try {
      target.insertRow();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateRow() throws SQLException {
    check();
    try {
      target.updateRow();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void deleteRow() throws SQLException {
    check();
    try {
      target.deleteRow();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void refreshRow() throws SQLException {
    check();
    try {
      target.refreshRow();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void cancelRowUpdates() throws SQLException {
    check();
    try {
      target.cancelRowUpdates();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void moveToInsertRow() throws SQLException {
    check();
    try {
      target.moveToInsertRow();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void moveToCurrentRow() throws SQLException {
    check();
    try {
      target.moveToCurrentRow();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public Object getObject(int columnIndex, java.util.Map<String, Class<?>> map) throws SQLException {
    check();
    try {
      return target.getObject(columnIndex, map);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public Ref getRef(int columnIndex) throws SQLException {
    check();
    try {
      return target.getRef(columnIndex);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public Blob getBlob(int columnIndex) throws SQLException {
    check();
    try {
      return target.getBlob(columnIndex);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public Clob getClob(int columnIndex) throws SQLException {
    check();
    try {
      return target.getClob(columnIndex);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public Array getArray(int columnIndex) throws SQLException {
    check();
    try {
      return target.getArray(columnIndex);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public Object getObject(String columnLabel, java.util.Map<String, Class<?>> map) throws SQLException {
    check();
    try {
      return target.getObject(columnLabel, map);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public Ref getRef(String columnLabel) throws SQLException {
    check();
    try {
      return target.getRef(columnLabel);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public Blob getBlob(String columnLabel) throws SQLException {
    check();
    try {
      return target.getBlob(columnLabel);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public Clob getClob(String columnLabel) throws SQLException {
    check();
    try {
      return target.getClob(columnLabel);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public Array getArray(String columnLabel) throws SQLException {
    check();
    try {
      return target.getArray(columnLabel);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public java.sql.Date getDate(int columnIndex, Calendar cal) throws SQLException {
    check();
    try {
      return target.getDate(columnIndex, cal);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public java.sql.Date getDate(String columnLabel, Calendar cal) throws SQLException {
    check();
    try {
      return target.getDate(columnLabel, cal);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public java.sql.Time getTime(int columnIndex, Calendar cal) throws SQLException {
    check();
    try {
      return target.getTime(columnIndex, cal);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public java.sql.Time getTime(String columnLabel, Calendar cal) throws SQLException {
    check();
    try {
      return target.getTime(columnLabel, cal);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public java.sql.Timestamp getTimestamp(int columnIndex, Calendar cal) throws SQLException {
    check();
    try {
      return target.getTimestamp(columnIndex, cal);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public java.sql.Timestamp getTimestamp(String columnLabel, Calendar cal) throws SQLException {
    check();
    try {
      return target.getTimestamp(columnLabel, cal);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public java.net.URL getURL(int columnIndex) throws SQLException {
    check();
    try {
      return target.getURL(columnIndex);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public java.net.URL getURL(String columnLabel) throws SQLException {
    check();
    try {
      return target.getURL(columnLabel);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateRef(int columnIndex, java.sql.Ref x) throws SQLException {
    check();
    try {
      target.updateRef(columnIndex, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateRef(String columnLabel, java.sql.Ref x) throws SQLException {
    check();
    try {
      target.updateRef(columnLabel, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateBlob(int columnIndex, java.sql.Blob x) throws SQLException {
    check();
    try {
      target.updateBlob(columnIndex, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateBlob(String columnLabel, java.sql.Blob x) throws SQLException {
    check();
    try {
      target.updateBlob(columnLabel, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateClob(int columnIndex, java.sql.Clob x) throws SQLException {
    check();
    try {
      target.updateClob(columnIndex, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateClob(String columnLabel, java.sql.Clob x) throws SQLException {
    check();
    try {
      target.updateClob(columnLabel, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateArray(int columnIndex, java.sql.Array x) throws SQLException {
    check();
    try {
      target.updateArray(columnIndex, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateArray(String columnLabel, java.sql.Array x) throws SQLException {
    check();
    try {
      target.updateArray(columnLabel, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public RowId getRowId(int columnIndex) throws SQLException {
    check();
    try {
      return target.getRowId(columnIndex);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public RowId getRowId(String columnLabel) throws SQLException {
    check();
    try {
      return target.getRowId(columnLabel);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateRowId(int columnIndex, RowId x) throws SQLException {
    check();
    try {
      target.updateRowId(columnIndex, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateRowId(String columnLabel, RowId x) throws SQLException {
    check();
    try {
      target.updateRowId(columnLabel, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public int getHoldability() throws SQLException {
    check();
    try {
      return target.getHoldability();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateNString(int columnIndex, String nString) throws SQLException {
    check();
    try {
      target.updateNString(columnIndex, nString);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateNString(String columnLabel, String nString) throws SQLException {
    check();
    try {
      target.updateNString(columnLabel, nString);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateNClob(int columnIndex, NClob nClob) throws SQLException {
    check();
    try {
      target.updateNClob(columnIndex, nClob);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateNClob(String columnLabel, NClob nClob) throws SQLException {
    check();
    try {
      target.updateNClob(columnLabel, nClob);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public NClob getNClob(int columnIndex) throws SQLException {
    check();
    try {
      return target.getNClob(columnIndex);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public NClob getNClob(String columnLabel) throws SQLException {
    check();
    try {
      return target.getNClob(columnLabel);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public SQLXML getSQLXML(int columnIndex) throws SQLException {
    check();
    try {
      return target.getSQLXML(columnIndex);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public SQLXML getSQLXML(String columnLabel) throws SQLException {
    check();
    try {
      return target.getSQLXML(columnLabel);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateSQLXML(int columnIndex, SQLXML xmlObject) throws SQLException {
    check();
    try {
      target.updateSQLXML(columnIndex, xmlObject);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateSQLXML(String columnLabel, SQLXML xmlObject) throws SQLException {
    check();
    try {
      target.updateSQLXML(columnLabel, xmlObject);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public String getNString(int columnIndex) throws SQLException {
    check();
    try {
      return target.getNString(columnIndex);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public String getNString(String columnLabel) throws SQLException {
    check();
    try {
      return target.getNString(columnLabel);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public java.io.Reader getNCharacterStream(int columnIndex) throws SQLException {
    check();
    try {
      return target.getNCharacterStream(columnIndex);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public java.io.Reader getNCharacterStream(String columnLabel) throws SQLException {
    check();
    try {
      return target.getNCharacterStream(columnLabel);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateNCharacterStream(int columnIndex, java.io.Reader x, long length) throws SQLException {
    check();
    try {
      target.updateNCharacterStream(columnIndex, x, length);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateNCharacterStream(String columnLabel, java.io.Reader reader, long length) throws SQLException {
    check();
    try {
      target.updateNCharacterStream(columnLabel, reader, length);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateAsciiStream(int columnIndex, java.io.InputStream x, long length) throws SQLException {
    check();
    try {
      target.updateAsciiStream(columnIndex, x, length);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateBinaryStream(int columnIndex, java.io.InputStream x, long length) throws SQLException {
    check();
    try {
      target.updateBinaryStream(columnIndex, x, length);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateCharacterStream(int columnIndex, java.io.Reader x, long length) throws SQLException {
    check();
    try {
      target.updateCharacterStream(columnIndex, x, length);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateAsciiStream(String columnLabel, java.io.InputStream x, long length) throws SQLException {
    check();
    try {
      target.updateAsciiStream(columnLabel, x, length);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateBinaryStream(String columnLabel, java.io.InputStream x, long length) throws SQLException {
    check();
    try {
      target.updateBinaryStream(columnLabel, x, length);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateCharacterStream(String columnLabel, java.io.Reader reader, long length) throws SQLException {
    check();
    try {
      target.updateCharacterStream(columnLabel, reader, length);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateBlob(int columnIndex, InputStream inputStream, long length) throws SQLException {
    check();
    try {
      target.updateBlob(columnIndex, inputStream, length);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateBlob(String columnLabel, InputStream inputStream, long length) throws SQLException {
    check();
    try {
      target.updateBlob(columnLabel, inputStream, length);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateClob(int columnIndex, Reader reader, long length) throws SQLException {
    check();
    try {
      target.updateClob(columnIndex, reader, length);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateClob(String columnLabel, Reader reader, long length) throws SQLException {
    check();
    try {
      target.updateClob(columnLabel, reader, length);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateNClob(int columnIndex, Reader reader, long length) throws SQLException {
    check();
    try {
      target.updateNClob(columnIndex, reader, length);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateNClob(String columnLabel, Reader reader, long length) throws SQLException {
    check();
    try {
      target.updateNClob(columnLabel, reader, length);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateNCharacterStream(int columnIndex, java.io.Reader x) throws SQLException {
    check();
    try {
      target.updateNCharacterStream(columnIndex, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateNCharacterStream(String columnLabel, java.io.Reader reader) throws SQLException {
    check();
    try {
      target.updateNCharacterStream(columnLabel, reader);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateAsciiStream(int columnIndex, java.io.InputStream x) throws SQLException {
    check();
    try {
      target.updateAsciiStream(columnIndex, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateBinaryStream(int columnIndex, java.io.InputStream x) throws SQLException {
    check();
    try {
      target.updateBinaryStream(columnIndex, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateCharacterStream(int columnIndex, java.io.Reader x) throws SQLException {
    check();
    try {
      target.updateCharacterStream(columnIndex, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateAsciiStream(String columnLabel, java.io.InputStream x) throws SQLException {
    check();
    try {
      target.updateAsciiStream(columnLabel, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateBinaryStream(String columnLabel, java.io.InputStream x) throws SQLException {
    check();
    try {
      target.updateBinaryStream(columnLabel, x);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateCharacterStream(String columnLabel, java.io.Reader reader) throws SQLException {
    check();
    try {
      target.updateCharacterStream(columnLabel, reader);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateBlob(int columnIndex, InputStream inputStream) throws SQLException {
    check();
    try {
      target.updateBlob(columnIndex, inputStream);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateBlob(String columnLabel, InputStream inputStream) throws SQLException {
    check();
    try {
      target.updateBlob(columnLabel, inputStream);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateClob(int columnIndex, Reader reader) throws SQLException {
    check();
    try {
      target.updateClob(columnIndex, reader);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateClob(String columnLabel, Reader reader) throws SQLException {
    check();
    try {
      target.updateClob(columnLabel, reader);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateNClob(int columnIndex, Reader reader) throws SQLException {
    check();
    try {
      target.updateNClob(columnIndex, reader);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateNClob(String columnLabel, Reader reader) throws SQLException {
    check();
    try {
      target.updateNClob(columnLabel, reader);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
    check();
    try {
      return target.getObject(columnIndex, type);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public <T> T getObject(String columnLabel, Class<T> type) throws SQLException {
    check();
    try {
      return target.getObject(columnLabel, type);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateObject(int columnIndex, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
    check();
    try {
      target.updateObject(columnIndex, x, targetSqlType, scaleOrLength);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateObject(String columnLabel, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
    check();
    try {
      target.updateObject(columnLabel, x, targetSqlType, scaleOrLength);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateObject(int columnIndex, Object x, SQLType targetSqlType) throws SQLException {
    check();
    try {
      target.updateObject(columnIndex, x, targetSqlType);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void updateObject(String columnLabel, Object x, SQLType targetSqlType) throws SQLException {
    check();
    try {
      target.updateObject(columnLabel, x, targetSqlType);
    } catch (SQLException e) {
      throw failed(e);
    }
  }
}
