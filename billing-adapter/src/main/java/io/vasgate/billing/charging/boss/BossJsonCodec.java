package io.vasgate.billing.charging.boss;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vasgate.billing.charging.ChargeRequest;
import io.vasgate.billing.charging.ChargeResult;
import io.vasgate.billing.charging.ChargeStatus;
import io.vasgate.billing.charging.RefundRequest;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * The JSON bodies of the BOSS protocol described on {@link BossHttpChargingGateway}. Reading is
 * lenient about what it does not need (unknown fields, a missing transaction id) and strict about
 * what it does: an answer without a known status is no answer.
 */
final class BossJsonCodec {

  /** Longest detail passed on; the BOSS's message is cut to fit the callers' columns. */
  static final int MAX_DETAIL_LENGTH = 255;

  private final ObjectMapper mapper = new ObjectMapper();

  byte[] chargeBody(ChargeRequest request) {
    ObjectNode body = mapper.createObjectNode();
    body.put("idempotencyKey", request.idempotencyKey());
    body.put("msisdn", request.msisdn());
    body.put("amountFen", request.amountFen());
    body.put("productCode", request.productCode());
    body.put("partnerCode", request.partnerCode());
    body.put("serviceNumber", request.serviceNumber());
    body.put("chargeType", request.chargeType().name());
    body.put("reason", request.reason().name());
    request.causingMoId().ifPresent(id -> body.put("causingMoId", id));
    return write(body);
  }

  byte[] refundBody(RefundRequest request) {
    ObjectNode body = mapper.createObjectNode();
    body.put("idempotencyKey", request.idempotencyKey());
    body.put("chargeIdempotencyKey", request.chargeIdempotencyKey());
    body.put("msisdn", request.msisdn());
    body.put("amountFen", request.amountFen());
    body.put("reason", request.reason());
    body.put("requestedBy", request.requestedBy());
    return write(body);
  }

  /**
   * The definite result in an answer body, or empty when the body is not JSON, not an object, or
   * has no status of {@code SUCCESS}, {@code INSUFFICIENT_BALANCE} or {@code REJECTED}.
   *
   * @param operation {@code charge} or {@code refund}, for the detail text
   */
  Optional<ChargeResult> readAnswer(String operation, byte[] body) {
    JsonNode answer;
    try {
      answer = mapper.readTree(body);
    } catch (IOException e) {
      return Optional.empty();
    }
    if (answer == null || !answer.isObject() || !answer.path("status").isTextual()) {
      return Optional.empty();
    }
    ChargeStatus status;
    switch (answer.path("status").asText()) {
      case "SUCCESS" -> status = ChargeStatus.SUCCESS;
      case "INSUFFICIENT_BALANCE" -> status = ChargeStatus.INSUFFICIENT_BALANCE;
      case "REJECTED" -> status = ChargeStatus.REJECTED;
      default -> {
        return Optional.empty();
      }
    }
    String transactionId =
        status == ChargeStatus.SUCCESS ? answer.path("transactionId").asText("") : "";
    StringBuilder detail = new StringBuilder("BOSS ").append(operation).append(' ');
    detail.append(status.name().toLowerCase(Locale.ROOT));
    if (answer.path("duplicate").asBoolean(false)) {
      detail.append(" (answer to an earlier request with this key)");
    }
    String message = answer.path("message").asText("");
    if (!message.isBlank()) {
      detail.append(": ").append(message);
    }
    String text =
        detail.length() > MAX_DETAIL_LENGTH
            ? detail.substring(0, MAX_DETAIL_LENGTH)
            : detail.toString();
    return Optional.of(new ChargeResult(status, transactionId, text));
  }

  private byte[] write(ObjectNode body) {
    try {
      return mapper.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise a JSON tree", e);
    }
  }
}
