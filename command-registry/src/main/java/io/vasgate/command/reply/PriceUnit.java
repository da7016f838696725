package io.vasgate.command.reply;

/** What a rendered price is per: the suffix of {@link Language#price(long, PriceUnit)}. */
public enum PriceUnit {
  /** A one-off amount, no suffix ({@code 3元}). */
  PLAIN,
  /** A monthly subscription (包月, {@code 2元/月}). */
  PER_MONTH,
  /** A charge per use (点播, {@code 0.5元/次}). */
  PER_USE
}
