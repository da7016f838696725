package io.vasgate.billing.charging.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How instants go into and come out of {@code DATETIME(3)} columns, which hold UTC.
 *
 * <p>Bound as text, not as a temporal object: Connector/J reads MariaDB's handshake version ({@code
 * 5.5.5-10.x}) as a server without fractional seconds and silently drops the milliseconds of every
 * {@code LocalDateTime}, {@code Timestamp} or {@code Instant} it sends.
 */
final class UtcDateTime {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  private UtcDateTime() {}

  /** The column text of {@code instant}, cut to milliseconds. */
  static String bind(Instant instant) {
    return FORMAT.format(instant);
  }

  /** The instant in column {@code column}. */
  static Instant read(ResultSet rs, int column) throws SQLException {
    return rs.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
  }
}
