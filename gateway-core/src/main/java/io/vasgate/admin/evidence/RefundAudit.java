package io.vasgate.admin.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.vasgate.admin.AdminJson;
import io.vasgate.billing.cdr.Cdr;
import io.vasgate.billing.charging.ChargeResult;
import io.vasgate.billing.charging.ChargeStatus;
import io.vasgate.persistence.audit.AuditEntry;
import io.vasgate.persistence.audit.AuditEvent;
import io.vasgate.persistence.audit.AuditLog;
import io.vasgate.persistence.audit.AuditQuery;
import java.time.InstantSource;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Staff refunds in the audit log: one entry per refund the billing system answered, about the
 * charge refunded ({@code charge:<chargeKey>}), with the charge before and after and the refund's
 * key, amount, reason and outcome. {@code GET /api/audit?entity=charge:order-12} lists every refund
 * of that charge, refused ones included; a subscriber's history reads the reasons back from here.
 */
final class RefundAudit {

  /** The audit entity type of refund entries. */
  static final String ENTITY_TYPE = "charge";

  /** The action of a refund that moved money. */
  static final String REFUNDED = "refund";

  /** The action of a refund the billing system refused for good. */
  static final String REFUSED = "refund-refused";

  /** The action of a refund whose outcome is not known (billing system unreachable). */
  static final String UNKNOWN = "refund-unknown";

  /**
   * The charge as the audit entry shows it.
   *
   * @param refundedFen refunded so far, from the CDRs
   * @param refund the refund made; only in the entry's after document
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ChargeView(
      String chargeKey,
      String msisdn,
      String productCode,
      String partnerCode,
      long chargedFen,
      long refundedFen,
      RefundView refund) {}

  /** One refund as the audit entry shows it. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record RefundView(
      String key,
      long amountFen,
      String reason,
      String status,
      String transactionId,
      String detail,
      boolean replayed) {}

  private final AuditLog auditLog;
  private final InstantSource clock;
  private final AdminJson json;

  RefundAudit(AuditLog auditLog, InstantSource clock, AdminJson json) {
    this.auditLog = Objects.requireNonNull(auditLog, "auditLog");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.json = Objects.requireNonNull(json, "json");
  }

  /**
   * Records that {@code actor} asked for {@code order} and the billing system answered {@code
   * result}.
   */
  AuditEntry record(
      String actor,
      Cdr charge,
      RefundOrder order,
      String refundKey,
      long refundedBefore,
      long refundedAfter,
      ChargeResult result,
      boolean replayed) {
    ChargeView before = view(charge, refundedBefore, null);
    ChargeView after =
        view(
            charge,
            refundedAfter,
            new RefundView(
                refundKey,
                order.amountFen(),
                order.reason(),
                result.status().name(),
                result.transactionId(),
                result.detail(),
                replayed));
    return auditLog.append(
        new AuditEvent(
            actor,
            clock.instant(),
            action(result.status()),
            ENTITY_TYPE,
            charge.idempotencyKey(),
            Optional.of(json.string(before)),
            Optional.of(json.string(after))));
  }

  /**
   * Why and by whom the refunds of {@code chargeKeys} were made, by refund key, as the audit log
   * holds it; refunds without a staff entry (automatic ones) are not in the map.
   */
  Map<String, RefundNote> notes(Collection<String> chargeKeys) {
    Map<String, RefundNote> notes = new HashMap<>();
    Set<String> keys = new LinkedHashSet<>(chargeKeys);
    for (String chargeKey : keys) {
      AuditQuery query =
          AuditQuery.all().entity(ENTITY_TYPE, chargeKey).limit(AuditQuery.MAX_LIMIT);
      for (AuditEntry entry : auditLog.query(query).entries()) {
        AuditEvent event = entry.event();
        if (!event.action().equals(REFUNDED) || event.afterJson().isEmpty()) {
          continue;
        }
        JsonNode refund = json.tree(event.afterJson().get()).path("refund");
        if (refund.path("key").isTextual() && refund.path("reason").isTextual()) {
          // Newest first: the first entry of a key is the one that counts.
          notes.putIfAbsent(
              refund.path("key").asText(),
              new RefundNote(refund.path("reason").asText(), event.actor()));
        }
      }
    }
    return notes;
  }

  private static ChargeView view(Cdr charge, long refunded, RefundView refund) {
    return new ChargeView(
        charge.idempotencyKey(),
        charge.billedNumber(),
        charge.productCode(),
        charge.partnerCode(),
        charge.feeFen(),
        refunded,
        refund);
  }

  private static String action(ChargeStatus status) {
    return switch (status) {
      case SUCCESS -> REFUNDED;
      case TEMPORARY_FAILURE -> UNKNOWN;
      default -> REFUSED;
    };
  }
}
