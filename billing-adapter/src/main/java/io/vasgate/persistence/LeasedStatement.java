package io.vasgate.persistence;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLType;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.BitSet;
import java.util.Calendar;

/**
 * One caller's handle on a statement a {@link HeldConnection} keeps open between its callers: it
 * forwards to the statement until closed, and is dead after that, so a stale handle cannot reach
 * the next caller's lease.
 *
 * <p>The last caller's parameter values stay on the statement (clearing them made the driver send
 * every parameter's type again with the next execution, and the server convert them again), so the
 * handle refuses to execute, or to add a batch row, before every parameter was set through it, as
 * the driver refuses a fresh statement with a parameter missing.
 *
 * <p>Written out rather than a {@link java.lang.reflect.Proxy}: the batches set some hundred
 * parameters per command, and a proxy boxed each value and checked each call's access reflectively.
 */
final class LeasedStatement implements PreparedStatement {

  /** The keeper of the statement, told when its caller adds batch rows and when it is done. */
  interface Owner {
    void rowsAdded();

    void giveBack() throws SQLException;
  }

  private final PreparedStatement target;
  private final Connection connection;
  private final int parameterCount;
  private final Owner owner;

  /** The parameters set through this handle: only those may go out with an execution. */
  private final BitSet set = new BitSet();

  private boolean closed;

  /**
   * @param connection what {@link #getConnection} answers: the caller's handle on the connection
   * @param parameterCount how many parameters {@code target} takes
   */
  LeasedStatement(
      PreparedStatement target, Connection connection, int parameterCount, Owner owner) {
    this.target = target;
    this.connection = connection;
    this.parameterCount = parameterCount;
    this.owner = owner;
  }

  private void open() throws SQLException {
    if (closed) {
      throw new SQLException("statement is closed");
    }
  }

  private void requireAllSet() throws SQLException {
    int missing = set.nextClearBit(1);
    if (missing <= parameterCount) {
      throw new SQLException("No value specified for parameter " + missing, "07001");
    }
  }

  @Override
  public void close() throws SQLException {
    if (!closed) {
      closed = true;
      owner.giveBack();
    }
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public Connection getConnection() throws SQLException {
    open();
    return connection;
  }

  @Override
  public void closeOnCompletion() throws SQLException {
    throw new SQLFeatureNotSupportedException(
        "a statement kept by a held connection is closed by its caller");
  }

  @Override
  public ResultSet executeQuery() throws SQLException {
    open();
    requireAllSet();
    return target.executeQuery();
  }

  @Override
  public int executeUpdate() throws SQLException {
    open();
    requireAllSet();
    return target.executeUpdate();
  }

  @Override
  public void setNull(int index, int sqlType) throws SQLException {
    open();
    target.setNull(index, sqlType);
    set.set(index);
  }

  @Override
  public void setBoolean(int index, boolean x) throws SQLException {
    open();
    target.setBoolean(index, x);
    set.set(index);
  }

  @Override
  public void setByte(int index, byte x) throws SQLException {
    open();
    target.setByte(index, x);
    set.set(index);
  }

  @Override
  public void setShort(int index, short x) throws SQLException {
    open();
    target.setShort(index, x);
    set.set(index);
  }

  @Override
  public void setInt(int index, int x) throws SQLException {
    open();
    target.setInt(index, x);
    set.set(index);
  }

  @Override
  public void setLong(int index, long x) throws SQLException {
    open();
    target.setLong(index, x);
    set.set(index);
  }

  @Override
  public void setFloat(int index, float x) throws SQLException {
    open();
    target.setFloat(index, x);
    set.set(index);
  }

  @Override
  public void setDouble(int index, double x) throws SQLException {
    open();
    target.setDouble(index, x);
    set.set(index);
  }

  @Override
  public void setBigDecimal(int index, BigDecimal x) throws SQLException {
    open();
    target.setBigDecimal(index, x);
    set.set(index);
  }

  @Override
  public void setString(int index, String x) throws SQLException {
    open();
    target.setString(index, x);
    set.set(index);
  }

  @Override
  public void setBytes(int index, byte[] x) throws SQLException {
    open();
    target.setBytes(index, x);
    set.set(index);
  }

  @Override
  public void setDate(int index, Date x) throws SQLException {
    open();
    target.setDate(index, x);
    set.set(index);
  }

  @Override
  public void setTime(int index, Time x) throws SQLException {
    open();
    target.setTime(index, x);
    set.set(index);
  }

  @Override
  public void setTimestamp(int index, Timestamp x) throws SQLException {
    open();
    target.setTimestamp(index, x);
    set.set(index);
  }

  @Override
  public void setAsciiStream(int index, InputStream x, int length) throws SQLException {
    open();
    target.setAsciiStream(index, x, length);
    set.set(index);
  }

  @Deprecated
  @Override
  public void setUnicodeStream(int index, InputStream x, int length) throws SQLException {
    open();
    target.setUnicodeStream(index, x, length);
    set.set(index);
  }

  @Override
  public void setBinaryStream(int index, InputStream x, int length) throws SQLException {
    open();
    target.setBinaryStream(index, x, length);
    set.set(index);
  }

  @Override
  public void clearParameters() throws SQLException {
    open();
    set.clear();
    target.clearParameters();
  }

  @Override
  public void setObject(int index, Object x, int targetSqlType) throws SQLException {
    open();
    target.setObject(index, x, targetSqlType);
    set.set(index);
  }

  @Override
  public void setObject(int index, Object x) throws SQLException {
    open();
    target.setObject(index, x);
    set.set(index);
  }

  @Override
  public boolean execute() throws SQLException {
    open();
    requireAllSet();
    return target.execute();
  }

  @Override
  public void addBatch() throws SQLException {
    open();
    requireAllSet();
    owner.rowsAdded();
    target.addBatch();
  }

  @Override
  public void setCharacterStream(int index, Reader x, int length) throws SQLException {
    open();
    target.setCharacterStream(index, x, length);
    set.set(index);
  }

  @Override
  public void setRef(int index, Ref x) throws SQLException {
    open();
    target.setRef(index, x);
    set.set(index);
  }

  @Override
  public void setBlob(int index, Blob x) throws SQLException {
    open();
    target.setBlob(index, x);
    set.set(index);
  }

  @Override
  public void setClob(int index, Clob x) throws SQLException {
    open();
    target.setClob(index, x);
    set.set(index);
  }

  @Override
  public void setArray(int index, Array x) throws SQLException {
    open();
    target.setArray(index, x);
    set.set(index);
  }

  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    open();
    return target.getMetaData();
  }

  @Override
  public void setDate(int index, Date x, Calendar calendar) throws SQLException {
    open();
    target.setDate(index, x, calendar);
    set.set(index);
  }

  @Override
  public void setTime(int index, Time x, Calendar calendar) throws SQLException {
    open();
    target.setTime(index, x, calendar);
    set.set(index);
  }

  @Override
  public void setTimestamp(int index, Timestamp x, Calendar calendar) throws SQLException {
    open();
    target.setTimestamp(index, x, calendar);
    set.set(index);
  }

  @Override
  public void setNull(int index, int sqlType, String typeName) throws SQLException {
    open();
    target.setNull(index, sqlType, typeName);
    set.set(index);
  }

  @Override
  public void setURL(int index, URL x) throws SQLException {
    open();
    target.setURL(index, x);
    set.set(index);
  }

  @Override
  public ParameterMetaData getParameterMetaData() throws SQLException {
    open();
    return target.getParameterMetaData();
  }

  @Override
  public void setRowId(int index, RowId x) throws SQLException {
    open();
    target.setRowId(index, x);
    set.set(index);
  }

  @Override
  public void setNString(int index, String x) throws SQLException {
    open();
    target.setNString(index, x);
    set.set(index);
  }

  @Override
  public void setNCharacterStream(int index, Reader x, long length) throws SQLException {
    open();
    target.setNCharacterStream(index, x, length);
    set.set(index);
  }

  @Override
  public void setNClob(int index, NClob x) throws SQLException {
    open();
    target.setNClob(index, x);
    set.set(index);
  }

  @Override
  public void setClob(int index, Reader x, long length) throws SQLException {
    open();
    target.setClob(index, x, length);
    set.set(index);
  }

  @Override
  public void setBlob(int index, InputStream x, long length) throws SQLException {
    open();
    target.setBlob(index, x, length);
    set.set(index);
  }

  @Override
  public void setNClob(int index, Reader x, long length) throws SQLException {
    open();
    target.setNClob(index, x, length);
    set.set(index);
  }

  @Override
  public void setSQLXML(int index, SQLXML x) throws SQLException {
    open();
    target.setSQLXML(index, x);
    set.set(index);
  }

  @Override
  public void setObject(int index, Object x, int targetSqlType, int scaleOrLength)
      throws SQLException {
    open();
    target.setObject(index, x, targetSqlType, scaleOrLength);
    set.set(index);
  }

  @Override
  public void setAsciiStream(int index, InputStream x, long length) throws SQLException {
    open();
    target.setAsciiStream(index, x, length);
    set.set(index);
  }

  @Override
  public void setBinaryStream(int index, InputStream x, long length) throws SQLException {
    open();
    target.setBinaryStream(index, x, length);
    set.set(index);
  }

  @Override
  public void setCharacterStream(int index, Reader x, long length) throws SQLException {
    open();
    target.setCharacterStream(index, x, length);
    set.set(index);
  }

  @Override
  public void setAsciiStream(int index, InputStream x) throws SQLException {
    open();
    target.setAsciiStream(index, x);
    set.set(index);
  }

  @Override
  public void setBinaryStream(int index, InputStream x) throws SQLException {
    open();
    target.setBinaryStream(index, x);
    set.set(index);
  }

  @Override
  public void setCharacterStream(int index, Reader x) throws SQLException {
    open();
    target.setCharacterStream(index, x);
    set.set(index);
  }

  @Override
  public void setNCharacterStream(int index, Reader x) throws SQLException {
    open();
    target.setNCharacterStream(index, x);
    set.set(index);
  }

  @Override
  public void setClob(int index, Reader x) throws SQLException {
    open();
    target.setClob(index, x);
    set.set(index);
  }

  @Override
  public void setBlob(int index, InputStream x) throws SQLException {
    open();
    target.setBlob(index, x);
    set.set(index);
  }

  @Override
  public void setNClob(int index, Reader x) throws SQLException {
    open();
    target.setNClob(index, x);
    set.set(index);
  }

  @Override
  public void setObject(int index, Object x, SQLType targetType, int scaleOrLength)
      throws SQLException {
    open();
    target.setObject(index, x, targetType, scaleOrLength);
    set.set(index);
  }

  @Override
  public void setObject(int index, Object x, SQLType targetType) throws SQLException {
    open();
    target.setObject(index, x, targetType);
    set.set(index);
  }

  @Override
  public long executeLargeUpdate() throws SQLException {
    open();
    requireAllSet();
    return target.executeLargeUpdate();
  }

  @Override
  public ResultSet executeQuery(String sql) throws SQLException {
    open();
    return target.executeQuery(sql);
  }

  @Override
  public int executeUpdate(String sql) throws SQLException {
    open();
    return target.executeUpdate(sql);
  }

  @Override
  public int getMaxFieldSize() throws SQLException {
    open();
    return target.getMaxFieldSize();
  }

  @Override
  public void setMaxFieldSize(int value) throws SQLException {
    open();
    target.setMaxFieldSize(value);
  }

  @Override
  public int getMaxRows() throws SQLException {
    open();
    return target.getMaxRows();
  }

  @Override
  public void setMaxRows(int value) throws SQLException {
    open();
    target.setMaxRows(value);
  }

  @Override
  public void setEscapeProcessing(boolean enable) throws SQLException {
    open();
    target.setEscapeProcessing(enable);
  }

  @Override
  public int getQueryTimeout() throws SQLException {
    open();
    return target.getQueryTimeout();
  }

  @Override
  public void setQueryTimeout(int value) throws SQLException {
    open();
    target.setQueryTimeout(value);
  }

  @Override
  public void cancel() throws SQLException {
    open();
    target.cancel();
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    open();
    return target.getWarnings();
  }

  @Override
  public void clearWarnings() throws SQLException {
    open();
    target.clearWarnings();
  }

  @Override
  public void setCursorName(String name) throws SQLException {
    open();
    target.setCursorName(name);
  }

  @Override
  public boolean execute(String sql) throws SQLException {
    open();
    return target.execute(sql);
  }

  @Override
  public ResultSet getResultSet() throws SQLException {
    open();
    return target.getResultSet();
  }

  @Override
  public int getUpdateCount() throws SQLException {
    open();
    return target.getUpdateCount();
  }

  @Override
  public boolean getMoreResults() throws SQLException {
    open();
    return target.getMoreResults();
  }

  @Override
  public void setFetchDirection(int value) throws SQLException {
    open();
    target.setFetchDirection(value);
  }

  @Override
  public int getFetchDirection() throws SQLException {
    open();
    return target.getFetchDirection();
  }

  @Override
  public void setFetchSize(int value) throws SQLException {
    open();
    target.setFetchSize(value);
  }

  @Override
  public int getFetchSize() throws SQLException {
    open();
    return target.getFetchSize();
  }

  @Override
  public int getResultSetConcurrency() throws SQLException {
    open();
    return target.getResultSetConcurrency();
  }

  @Override
  public int getResultSetType() throws SQLException {
    open();
    return target.getResultSetType();
  }

  @Override
  public void addBatch(String sql) throws SQLException {
    open();
    owner.rowsAdded();
    target.addBatch(sql);
  }

  @Override
  public void clearBatch() throws SQLException {
    open();
    target.clearBatch();
  }

  @Override
  public int[] executeBatch() throws SQLException {
    open();
    return target.executeBatch();
  }

  @Override
  public boolean getMoreResults(int current) throws SQLException {
    open();
    return target.getMoreResults(current);
  }

  @Override
  public ResultSet getGeneratedKeys() throws SQLException {
    open();
    return target.getGeneratedKeys();
  }

  @Override
  public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
    open();
    return target.executeUpdate(sql, autoGeneratedKeys);
  }

  @Override
  public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
    open();
    return target.executeUpdate(sql, columnIndexes);
  }

  @Override
  public int executeUpdate(String sql, String[] columnNames) throws SQLException {
    open();
    return target.executeUpdate(sql, columnNames);
  }

  @Override
  public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
    open();
    return target.execute(sql, autoGeneratedKeys);
  }

  @Override
  public boolean execute(String sql, int[] columnIndexes) throws SQLException {
    open();
    return target.execute(sql, columnIndexes);
  }

  @Override
  public boolean execute(String sql, String[] columnNames) throws SQLException {
    open();
    return target.execute(sql, columnNames);
  }

  @Override
  public int getResultSetHoldability() throws SQLException {
    open();
    return target.getResultSetHoldability();
  }

  @Override
  public void setPoolable(boolean enable) throws SQLException {
    open();
    target.setPoolable(enable);
  }

  @Override
  public boolean isPoolable() throws SQLException {
    open();
    return target.isPoolable();
  }

  @Override
  public boolean isCloseOnCompletion() throws SQLException {
    open();
    return target.isCloseOnCompletion();
  }

  @Override
  public long getLargeUpdateCount() throws SQLException {
    open();
    return target.getLargeUpdateCount();
  }

  @Override
  public void setLargeMaxRows(long value) throws SQLException {
    open();
    target.setLargeMaxRows(value);
  }

  @Override
  public long getLargeMaxRows() throws SQLException {
    open();
    return target.getLargeMaxRows();
  }

  @Override
  public long[] executeLargeBatch() throws SQLException {
    open();
    return target.executeLargeBatch();
  }

  @Override
  public long executeLargeUpdate(String sql) throws SQLException {
    open();
    return target.executeLargeUpdate(sql);
  }

  @Override
  public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
    open();
    return target.executeLargeUpdate(sql, autoGeneratedKeys);
  }

  @Override
  public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
    open();
    return target.executeLargeUpdate(sql, columnIndexes);
  }

  @Override
  public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
    open();
    return target.executeLargeUpdate(sql, columnNames);
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    open();
    return target.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    open();
    return target.isWrapperFor(iface);
  }
}
