package io.vasgate.admin.evidence;

import io.vasgate.admin.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The idempotency keys of refunds staff request through the admin API.
 *
 * <p>Without an {@code Idempotency-Key} header the key is derived from the request itself: the
 * charge, the number, the amount and the reason. Sending the same refund twice (a double click, a
 * retry after a timeout, two colleagues handling one complaint) is therefore one refund; a second,
 * genuinely separate refund of the same amount needs other words in its reason or a header.
 *
 * <p>With the header the key is the client's: the same header is the same refund, and the billing
 * system refuses it for a different charge, number or amount.
 *
 * <p>The two kinds are told apart by their prefixes, and neither can take the form {@code
 * refund-<chargeKey>} of the subscription service's automatic refunds.
 */
final class RefundKeys {

  /** The request header that carries a client's own key. */
  static final String HEADER = "Idempotency-Key";

  /** Longest client key: with its prefix it stays well inside the ledger's 128 characters. */
  static final int MAX_CLIENT_KEY_LENGTH = 64;

  /** Prefix of keys derived from the request. */
  static final String DERIVED_PREFIX = "staff-refund-h-";

  /** Prefix of keys the client chose. */
  static final String CLIENT_PREFIX = "staff-refund-c-";

  /** Hex digits of the SHA-256 kept in a derived key: 160 bits, no collision in practice. */
  private static final int DERIVED_HEX_DIGITS = 40;

  private static final Pattern CLIENT_KEY =
      Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_CLIENT_KEY_LENGTH + "}");

  private RefundKeys() {}

  /**
   * The key of a refund: the client's if {@code header} holds one, else derived from the request.
   *
   * @throws ApiException 400 naming the header if it is present but not 1-{@value
   *     #MAX_CLIENT_KEY_LENGTH} letters, digits, {@code .}, {@code _}, {@code :} or {@code -}
   */
  static String of(
      Optional<String> header, String chargeKey, String msisdn, long amountFen, String reason) {
    if (header.isPresent()) {
      String key = header.get().trim();
      if (!CLIENT_KEY.matcher(key).matches()) {
        throw ApiException.badRequest(
            HEADER,
            "must be 1-" + MAX_CLIENT_KEY_LENGTH + " ASCII letters, digits, '.', '_', ':' or '-'");
      }
      return CLIENT_PREFIX + key;
    }
    return derived(chargeKey, msisdn, amountFen, reason);
  }

  /** The key derived from a refund request; equal requests, equal keys. */
  static String derived(String chargeKey, String msisdn, long amountFen, String reason) {
    // The charge key is length-prefixed and the number and amount are digits, so no two requests
    // share a canonical form whatever their keys and reasons contain.
    String canonical =
        chargeKey.length()
            + ":"
            + chargeKey
            + "|"
            + msisdn
            + "|"
            + amountFen
            + "|"
            + reason.strip();
    return DERIVED_PREFIX
        + HexFormat.of().formatHex(sha256(canonical)).substring(0, DERIVED_HEX_DIGITS);
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
