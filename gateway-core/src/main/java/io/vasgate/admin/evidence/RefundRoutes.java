package io.vasgate.admin.evidence;

import static io.vasgate.admin.auth.AdminRole.OPERATOR;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.vasgate.admin.AdminJson;
import io.vasgate.admin.AdminRoutes;
import io.vasgate.admin.ApiException;
import io.vasgate.admin.auth.AdminAuthenticator;
import io.vasgate.billing.charging.ChargeStatus;
import io.vasgate.billing.charging.ledger.ChargeDecision;
import java.util.Optional;

/**
 * {@code POST /api/refunds} {@code {chargeKey, msisdn, amountFen, reason}}: gives money back for a
 * charge, through the billing system, audit-logged under the calling user.
 *
 * <ul>
 *   <li>200 with the refund when the billing system made it (or had made it for the same key: see
 *       {@link RefundKeys} for how repeats are recognised);
 *   <li>400 naming the field for a missing or malformed one ({@code reason} is required);
 *   <li>404 for a charge not on record; 409 for a charge of another number, a free one, or a refund
 *       the billing system refused (beyond what is left of the charge), with its words;
 *   <li>503 when the billing system could not be reached: repeat the same request, which cannot
 *       refund twice.
 * </ul>
 */
final class RefundRoutes implements AdminRoutes {

  /** Longest charge key: the billing SPI's limit on idempotency keys. */
  static final int MAX_CHARGE_KEY_LENGTH = ChargeDecision.MAX_KEY_LENGTH;

  /** Longest reason: what the ledger stores. */
  static final int MAX_REASON_LENGTH = ChargeDecision.MAX_REFUND_REASON_LENGTH;

  private final StaffRefunds refunds;
  private final AdminJson json;

  RefundRoutes(StaffRefunds refunds, AdminJson json) {
    this.refunds = refunds;
    this.json = json;
  }

  @Override
  public void register(Javalin app) {
    app.post("/api/refunds", this::refund, OPERATOR);
  }

  private void refund(Context ctx) {
    RefundOrder order = order(json.read(ctx, RefundBody.class), ctx);
    ctx.future(
        () ->
            refunds
                .refund(order)
                .thenAccept(outcome -> json.write(ctx, 200, answer(order, outcome))));
  }

  private static RefundOrder order(RefundBody body, Context ctx) {
    String chargeKey = body.chargeKey();
    if (chargeKey == null || chargeKey.isBlank()) {
      throw ApiException.badRequest("chargeKey", "is required");
    }
    if (chargeKey.length() > MAX_CHARGE_KEY_LENGTH) {
      throw ApiException.badRequest(
          "chargeKey", "must be at most " + MAX_CHARGE_KEY_LENGTH + " characters");
    }
    String msisdn = RequestParams.msisdn(body.msisdn(), "msisdn");
    if (body.amountFen() == null) {
      throw ApiException.badRequest("amountFen", "is required");
    }
    if (body.amountFen() <= 0) {
      throw ApiException.badRequest(
          "amountFen", "must be a positive number of fen, got " + body.amountFen());
    }
    if (body.reason() == null || body.reason().isBlank()) {
      throw ApiException.badRequest("reason", "is required: say why the money goes back");
    }
    if (body.reason().strip().length() > MAX_REASON_LENGTH) {
      throw ApiException.badRequest(
          "reason", "must be at most " + MAX_REASON_LENGTH + " characters");
    }
    Optional<String> clientKey = Optional.ofNullable(ctx.header(RefundKeys.HEADER));
    // Checked here too, so a bad header is a 400 before anything is read.
    RefundKeys.of(clientKey, chargeKey, msisdn, body.amountFen(), body.reason());
    return new RefundOrder(
        chargeKey,
        msisdn,
        body.amountFen(),
        body.reason(),
        AdminAuthenticator.user(ctx).name(),
        clientKey);
  }

  private static RefundAnswer answer(RefundOrder order, RefundOutcome outcome) {
    ChargeStatus status = outcome.result().status();
    if (status == ChargeStatus.SUCCESS) {
      return RefundAnswer.of(order, outcome);
    }
    if (status == ChargeStatus.TEMPORARY_FAILURE) {
      throw new ApiException(
          503,
          "billing_unavailable",
          "the billing system did not answer ("
              + outcome.result().detail()
              + "); send the same request again, it cannot refund twice",
          null);
    }
    boolean beyond = order.amountFen() > outcome.refundableBeforeFen();
    throw ApiException.conflict(
        beyond ? "amountFen" : null,
        "the billing system refused the refund: " + outcome.result().detail());
  }
}
