package io.vasgate.admin.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.List;

/**
 * One entry of a subscriber's history as the admin API shows it, tagged with its {@code type}.
 * Message and subscription ids are JSON strings: message ids are the decimal message_ids of the
 * wire, subscription ids are taken from the same generator, and 64-bit numbers lose digits in
 * JavaScript clients. Absent values are left out.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = HistoryEvent.MoReceived.class, name = "MO_RECEIVED"),
  @JsonSubTypes.Type(value = HistoryEvent.ReplySent.class, name = "REPLY_SENT"),
  @JsonSubTypes.Type(value = HistoryEvent.SubscriptionCreated.class, name = "SUBSCRIPTION_CREATED"),
  @JsonSubTypes.Type(value = HistoryEvent.StateChanged.class, name = "STATE_CHANGED"),
  @JsonSubTypes.Type(value = HistoryEvent.Charged.class, name = "CHARGED"),
  @JsonSubTypes.Type(value = HistoryEvent.ChargeAttempt.class, name = "CHARGE_ATTEMPT"),
  @JsonSubTypes.Type(value = HistoryEvent.Refunded.class, name = "REFUNDED")
})
@JsonInclude(JsonInclude.Include.NON_NULL)
sealed interface HistoryEvent {

  /** When it happened. */
  Instant at();

  /**
   * A message the subscriber sent.
   *
   * @param to the service number with extension
   * @param text the decoded text; null for binary content, which {@code octetsHex} then shows
   * @param peer the MO source's system_id
   * @param session the SMPP session it came on
   * @param status RECEIVED, PROCESSED, FAILED or DUPLICATE_PART
   * @param command the command it was understood as
   * @param product the product it named
   */
  record MoReceived(
      Instant at,
      String messageId,
      String from,
      String to,
      String text,
      String octetsHex,
      int dataCoding,
      String peer,
      long session,
      Integer partSeq,
      Integer partTotal,
      String status,
      String command,
      String product,
      Instant processedAt)
      implements HistoryEvent {}

  /**
   * A message sent to the subscriber, all its parts together.
   *
   * @param messageId the first part's id
   * @param messageIds every part's id, in part order
   * @param from the service number it was sent from
   * @param state ACKED when every part was, FAILED when any was refused or unanswered, SENT while
   *     an answer is awaited
   * @param peerStatus the first non-zero deliver_sm_resp status of a part (-1: no answer), else 0;
   *     null while unanswered
   * @param answersMo the id of the MO it answers; null for messages nobody asked for
   */
  record ReplySent(
      Instant at,
      String messageId,
      List<String> messageIds,
      String from,
      String to,
      String text,
      int parts,
      String state,
      Integer peerStatus,
      String answersMo,
      String peer,
      Instant answeredAt)
      implements HistoryEvent {}

  /**
   * An order was created.
   *
   * @param state the state it was created in
   * @param priceFen the monthly price disclosed when it was ordered
   * @param causeMo the MO that ordered it; or {@code causeJob} the staff action or job
   * @param detail why, as recorded; consent records quote the MO
   */
  record SubscriptionCreated(
      Instant at,
      String subscriptionId,
      String product,
      String state,
      Long priceFen,
      String servicePort,
      String causeMo,
      String causeJob,
      String detail)
      implements HistoryEvent {}

  /** An order or subscription changed state, with the MO or job that caused it. */
  record StateChanged(
      Instant at,
      String subscriptionId,
      String product,
      String from,
      String to,
      String causeMo,
      String causeJob,
      String detail)
      implements HistoryEvent {}

  /**
   * Money taken, from the call detail record.
   *
   * @param key the charge's idempotency key
   * @param reason ORDER, RENEWAL or PER_USE when the subscription service sent it
   * @param causeMo the MO that caused it; null for renewals
   * @param transactionId the billing system's reference
   */
  record Charged(
      Instant at,
      String key,
      long feeFen,
      String product,
      String partner,
      String serviceNumber,
      String chargeType,
      String reason,
      String subscriptionId,
      String causeMo,
      String transactionId)
      implements HistoryEvent {}

  /**
   * A charge that was attempted and took no money, or whose outcome the subscription service does
   * not know yet. Charges that took money are {@link Charged}.
   *
   * @param status INSUFFICIENT_BALANCE, REJECTED, or ATTEMPTED / UNKNOWN while undecided
   * @param detail the billing system's explanation
   */
  record ChargeAttempt(
      Instant at,
      String key,
      long amountFen,
      String product,
      String reason,
      String subscriptionId,
      String causeMo,
      String status,
      String detail,
      int attempts)
      implements HistoryEvent {}

  /**
   * Money given back, from the call detail record.
   *
   * @param feeFen negative, as the record holds it
   * @param amountFen the amount refunded, positive
   * @param reason why, when known: the staff's words or the automatic refund's cause
   * @param requestedBy the staff user, or the subscription service for automatic refunds
   */
  record Refunded(
      Instant at,
      String key,
      String chargeKey,
      long feeFen,
      long amountFen,
      String product,
      String partner,
      String transactionId,
      String reason,
      String requestedBy)
      implements HistoryEvent {}
}
