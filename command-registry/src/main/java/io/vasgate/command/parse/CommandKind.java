package io.vasgate.command.parse;

/** What a parsed MO asks for. */
public enum CommandKind {
  /** Order a product (KT, DG, 开通, 订购, 订). */
  SUBSCRIBE,
  /** Cancel a product (TD, QX, 取消, 退订, 退定). */
  UNSUBSCRIBE,
  /**
   * List the user's subscriptions ({@code 0000}, CX, 查询); with a product, that product's status.
   */
  QUERY,
  /** Cancel every subscription ({@code 00000}, unless the number reads it as a query). */
  UNSUBSCRIBE_ALL,
  /** Confirm the pending order (是, Y, YES, 确认). */
  CONFIRM,
  /** Refuse the pending order (否, N, NO). */
  DECLINE,
  /** Cancel items of the last list by number ({@code 1，3}). */
  SELECT,
  /** List the commands ({@code ?}, 帮助, HELP, BZ). */
  HELP;

  /**
   * True for the commands a product reference may follow: {@code KT TQ}, {@code 退订天气}, {@code CX
   * TQ}.
   */
  public boolean takesProduct() {
    return this == SUBSCRIBE || this == UNSUBSCRIBE || this == QUERY;
  }
}
