package io.vasgate.billing.subscription;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * How the subscription tables store instants and dates: {@code DATETIME(3)} columns hold UTC wall
 * time (converted here, so no driver or session time zone can shift them) and {@code DATE} columns
 * hold billing-zone days.
 */
final class SqlValues {

  private SqlValues() {}

  static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
    ps.setObject(index, LocalDateTime.ofInstant(value, ZoneOffset.UTC));
  }

  static void setInstant(PreparedStatement ps, int index, Optional<Instant> value)
      throws SQLException {
    if (value.isPresent()) {
      setInstant(ps, index, value.get());
    } else {
      ps.setNull(index, Types.TIMESTAMP);
    }
  }

  static void setDate(PreparedStatement ps, int index, LocalDate value) throws SQLException {
    ps.setObject(index, value);
  }

  static void setDate(PreparedStatement ps, int index, Optional<LocalDate> value)
      throws SQLException {
    if (value.isPresent()) {
      ps.setObject(index, value.get());
    } else {
      ps.setNull(index, Types.DATE);
    }
  }

  static void setLong(PreparedStatement ps, int index, Optional<Long> value) throws SQLException {
    if (value.isPresent()) {
      ps.setLong(index, value.get());
    } else {
      ps.setNull(index, Types.BIGINT);
    }
  }

  static void setString(PreparedStatement ps, int index, Optional<String> value)
      throws SQLException {
    if (value.isPresent()) {
      ps.setString(index, value.get());
    } else {
      ps.setNull(index, Types.VARCHAR);
    }
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
  }

  static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
    LocalDateTime value = rs.getObject(column, LocalDateTime.class);
    return value == null ? Optional.empty() : Optional.of(value.toInstant(ZoneOffset.UTC));
  }

  static Optional<LocalDate> optionalDate(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(rs.getObject(column, LocalDate.class));
  }

  static Optional<Long> optionalLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(value);
  }

  static Optional<String> optionalString(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(rs.getString(column));
  }

  /** {@code text} cut to {@code max} characters, for bounded columns. */
  static String bounded(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}
