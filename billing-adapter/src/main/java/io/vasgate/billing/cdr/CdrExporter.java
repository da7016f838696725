package io.vasgate.billing.cdr;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A partner's daily CDR file: CSV as RFC 4180 has it (a header row, comma-separated fields, CRLF
 * line ends, a field quoted when it holds a comma, quote, CR or LF, its quotes doubled), UTF-8
 * without a byte-order mark, one row per record in time order.
 *
 * <p>The day runs from midnight to midnight in the exporter's zone ({@link #DEFAULT_ZONE} unless
 * configured), and timestamps are written in that zone with their offset and milliseconds ({@code
 * 2024-05-01T08:00:00.000+08:00}). Fees are integers in fen, negative for refunds. Absent values
 * are empty fields.
 */
public final class CdrExporter {

  /** The operators' settlement day is China Standard Time. */
  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

  /** The columns, in order. */
  public static final List<String> COLUMNS =
      List.of(
          "id",
          "type",
          "message_id",
          "billed_number",
          "partner_code",
          "service_number",
          "product_code",
          "charge_type",
          "fee_fen",
          "charged_at",
          "recorded_at",
          "causing_mo_id",
          "idempotency_key",
          "charge_key",
          "transaction_id");

  private static final String CRLF = "\r\n";

  private final CdrRepository cdrs;
  private final Executor executor;
  private final ZoneId zone;
  private final DateTimeFormatter timestamps;

  /**
   * @param cdrs where the records are
   * @param executor runs the blocking reads and writes
   * @param zone whose midnight starts a day
   */
  public CdrExporter(CdrRepository cdrs, Executor executor, ZoneId zone) {
    this.cdrs = Objects.requireNonNull(cdrs, "cdrs");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.zone = Objects.requireNonNull(zone, "zone");
    this.timestamps = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX").withZone(zone);
  }

  /** An exporter whose days are those of {@link #DEFAULT_ZONE}. */
  public CdrExporter(CdrRepository cdrs, Executor executor) {
    this(cdrs, executor, DEFAULT_ZONE);
  }

  /**
   * Writes the file of {@code partnerCode} for {@code day} to {@code out}, which is flushed but not
   * closed. The writer should encode UTF-8; {@link #exportDaily(LocalDate, String, OutputStream)}
   * makes sure of it.
   *
   * @return the number of data rows written; fails with an {@link UncheckedIOException} if {@code
   *     out} does, or an {@link IllegalStateException} if the database does
   */
  public CompletableFuture<Integer> exportDaily(LocalDate day, String partnerCode, Writer out) {
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(partnerCode, "partnerCode");
    Objects.requireNonNull(out, "out");
    return CompletableFuture.supplyAsync(() -> write(day, partnerCode, out), executor);
  }

  /** As {@link #exportDaily(LocalDate, String, Writer)}, encoding UTF-8 onto {@code out}. */
  public CompletableFuture<Integer> exportDaily(
      LocalDate day, String partnerCode, OutputStream out) {
    return exportDaily(day, partnerCode, new OutputStreamWriter(out, StandardCharsets.UTF_8));
  }

  private int write(LocalDate day, String partnerCode, Writer out) {
    Instant from = day.atStartOfDay(zone).toInstant();
    Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
    int[] rows = {0};
    try {
      out.write(String.join(",", COLUMNS));
      out.write(CRLF);
      cdrs.forEachOfPartner(
          partnerCode,
          from,
          to,
          cdr -> {
            try {
              out.write(row(cdr));
              rows[0]++;
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows[0];
  }

  private String row(Cdr cdr) {
    StringBuilder line = new StringBuilder(256);
    line.append(cdr.id()).append(',');
    line.append(cdr.type().name()).append(',');
    line.append(field(cdr.messageId().orElse(""))).append(',');
    line.append(field(cdr.billedNumber())).append(',');
    line.append(field(cdr.partnerCode())).append(',');
    line.append(field(cdr.serviceNumber())).append(',');
    line.append(field(cdr.productCode())).append(',');
    line.append(cdr.chargeType().name()).append(',');
    line.append(cdr.feeFen()).append(',');
    line.append(timestamps.format(cdr.chargedAt())).append(',');
    line.append(timestamps.format(cdr.recordedAt())).append(',');
    line.append(cdr.causingMoId().map(String::valueOf).orElse("")).append(',');
    line.append(field(cdr.idempotencyKey())).append(',');
    line.append(field(cdr.chargeKey().orElse(""))).append(',');
    line.append(field(cdr.transactionId()));
    return line.append(CRLF).toString();
  }

  /** {@code value} as one RFC 4180 field: quoted, quotes doubled, when it needs to be. */
  static String field(String value) {
    boolean quote = false;
    for (int i = 0; i < value.length() && !quote; i++) {
      char c = value.charAt(i);
      quote = c == ',' || c == '"' || c == '\r' || c == '\n';
    }
    return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }
}
