package io.vasgate.command.reply;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A language replies are written in, with how it writes money and time spans. Chinese is the
 * default: a service number replies in English only when configured to.
 */
public enum Language {
  /** Simplified Chinese. */
  ZH("zh"),
  /** English. */
  EN("en");

  /** The language of a service number that configures none. */
  public static final Language DEFAULT = ZH;

  private final String tag;

  Language(String tag) {
    this.tag = tag;
  }

  /**
   * The BCP 47 primary language subtag, as in template file names ({@code
   * templates-zh.properties}).
   */
  public String tag() {
    return tag;
  }

  /**
   * The language of a tag such as {@code zh}, {@code ZH}, {@code zh-CN} or {@code en_US}; empty for
   * anything else, including null.
   */
  public static Optional<Language> fromTag(String tag) {
    if (tag == null) {
      return Optional.empty();
    }
    String primary = tag.strip().toLowerCase(Locale.ROOT);
    int cut = indexOfSubtagSeparator(primary);
    if (cut >= 0) {
      primary = primary.substring(0, cut);
    }
    for (Language language : values()) {
      if (language.tag.equals(primary)) {
        return Optional.of(language);
      }
    }
    return Optional.empty();
  }

  /**
   * An amount of money in yuan, rendered exactly from fen: 200 -> {@code 2元} / {@code 2 yuan}, 50
   * -> {@code 0.5元}, 5 -> {@code 0.05元}, 0 -> {@code 0元}.
   *
   * @throws IllegalArgumentException if {@code fen} is negative
   */
  public String yuan(long fen) {
    String amount = amount(fen);
    return this == ZH ? amount + "元" : amount + " yuan";
  }

  /**
   * A price as a handset user reads it: {@code 2元/月}, {@code 0.5元/次}, {@code 3元}; zero is {@code
   * 免费} / {@code free} whatever the unit.
   *
   * @throws IllegalArgumentException if {@code fen} is negative
   */
  public String price(long fen, PriceUnit unit) {
    Objects.requireNonNull(unit, "unit");
    if (fen == 0) {
      return this == ZH ? "免费" : "free";
    }
    String amount = yuan(fen);
    return switch (unit) {
      case PLAIN -> amount;
      case PER_MONTH -> amount + (this == ZH ? "/月" : "/month");
      case PER_USE -> amount + (this == ZH ? "/次" : " per use");
    };
  }

  /**
   * A confirmation or selection window in the largest whole unit that states it exactly: 24 h ->
   * {@code 24小时} / {@code 24 hours}, 30 min -> {@code 30分钟} / {@code 30 minutes}, 90 s -> {@code
   * 90秒} / {@code 90 seconds}. Windows are stated in hours rather than days because operators word
   * their prompts that way ("24小时内").
   *
   * @throws IllegalArgumentException if {@code window} is negative, zero, or not a whole number of
   *     seconds
   */
  public String window(Duration window) {
    Objects.requireNonNull(window, "window");
    if (window.isNegative() || window.isZero() || window.getNano() != 0) {
      throw new IllegalArgumentException(
          "window must be a positive whole number of seconds: " + window);
    }
    long seconds = window.getSeconds();
    if (seconds % 3600 == 0) {
      return count(seconds / 3600, "小时", "hour");
    }
    if (seconds % 60 == 0) {
      return count(seconds / 60, "分钟", "minute");
    }
    return count(seconds, "秒", "second");
  }

  private String count(long n, String zhUnit, String enUnit) {
    if (this == ZH) {
      return n + zhUnit;
    }
    return n + " " + enUnit + (n == 1 ? "" : "s");
  }

  static String amount(long fen) {
    if (fen < 0) {
      throw new IllegalArgumentException("amount must not be negative: " + fen + " fen");
    }
    return BigDecimal.valueOf(fen, 2).stripTrailingZeros().toPlainString();
  }

  private static int indexOfSubtagSeparator(String tag) {
    int dash = tag.indexOf('-');
    int underscore = tag.indexOf('_');
    if (dash < 0) {
      return underscore;
    }
    return underscore < 0 ? dash : Math.min(dash, underscore);
  }
}
