package io.vasgate.admin.evidence;

import io.vasgate.admin.ApiException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks of the values the evidence endpoints take from paths, query strings and bodies. Each
 * failure is a 400 naming the parameter, so a caller knows which of its inputs to fix.
 */
final class RequestParams {

  /** Fewest digits of a subscriber number: shorter ones are service codes, not handsets. */
  static final int MIN_MSISDN_DIGITS = 5;

  /**
   * Most digits of a subscriber number: an SMPP 3.4 source_addr is at most 21 octets including its
   * terminating NUL.
   */
  static final int MAX_MSISDN_DIGITS = 20;

  private static final Pattern MSISDN =
      Pattern.compile("[0-9]{" + MIN_MSISDN_DIGITS + "," + MAX_MSISDN_DIGITS + "}");

  private RequestParams() {}

  /**
   * {@code value} as a subscriber number.
   *
   * @throws ApiException 400 naming {@code field} unless it is {@value #MIN_MSISDN_DIGITS} to
   *     {@value #MAX_MSISDN_DIGITS} ASCII digits
   */
  static String msisdn(String value, String field) {
    if (value == null || value.isBlank()) {
      throw ApiException.badRequest(field, "is required");
    }
    if (!MSISDN.matcher(value).matches()) {
      throw ApiException.badRequest(
          field,
          "must be "
              + MIN_MSISDN_DIGITS
              + " to "
              + MAX_MSISDN_DIGITS
              + " digits, as the SMSC sends it");
    }
    return value;
  }

  /** The ISO-8601 instant in {@code value}, empty when absent. */
  static Optional<Instant> instant(String value, String field) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(value.trim()));
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(
          field, "must be an ISO-8601 instant such as 2025-03-01T08:00:00Z, got '" + value + "'");
    }
  }

  /** The required ISO-8601 date ({@code 2025-03-01}) in {@code value}. */
  static LocalDate date(String value, String field) {
    if (value == null || value.isBlank()) {
      throw ApiException.badRequest(field, "is required, as YYYY-MM-DD");
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(field, "must be a date as YYYY-MM-DD, got '" + value + "'");
    }
  }

  /** The whole number in {@code value}, within {@code min..max}; {@code absent} when absent. */
  static int number(String value, String field, int min, int max, int absent) {
    if (value == null || value.isBlank()) {
      return absent;
    }
    long parsed;
    try {
      parsed = Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(field, "must be a whole number, got '" + value + "'");
    }
    if (parsed < min || parsed > max) {
      throw ApiException.badRequest(field, "must be in " + min + ".." + max + ", got " + parsed);
    }
    return (int) parsed;
  }
}
