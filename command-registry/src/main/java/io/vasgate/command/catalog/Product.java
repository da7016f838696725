package io.vasgate.command.catalog;

import io.vasgate.command.reply.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A value-added service users order by SMS: how they refer to it, where it is offered, how it is
 * billed.
 *
 * @param code the product code users type ({@code TQ}): upper-case ASCII letters and digits,
 *     starting with a letter
 * @param numericCode an all-digit code users may type instead ({@code 1002}); empty if none
 * @param nameZh the Chinese name ({@code 天气}), also a reference users may type
 * @param nameEn the English name; empty if none (English replies then use the Chinese name)
 * @param aliases further names users may type ({@code 天气预报})
 * @param partnerCode the partner (SP) that provides the product
 * @param servicePort the main port of the service number the product is offered on
 * @param extension the extension dedicated to the product on that port; empty if none
 * @param chargeType how the product is billed
 * @param priceFen the price in fen per month or per use; 0 exactly when {@link ChargeType#FREE}
 * @param trialDays free days before the first monthly charge; 0 for none
 * @param firstMonthPolicy what the month of the order costs
 * @param revenueShare the operator:partner split
 * @param confirmation whether an order waits for a second confirmation
 * @param status whether the product can be ordered
 * @param suspendedReply the reply to an order while suspended; empty for the default reply
 */
public record Product(
    String code,
    String numericCode,
    String nameZh,
    String nameEn,
    List<String> aliases,
    String partnerCode,
    String servicePort,
    String extension,
    ChargeType chargeType,
    long priceFen,
    int trialDays,
    FirstMonthPolicy firstMonthPolicy,
    RevenueShare revenueShare,
    ConfirmationPolicy confirmation,
    ProductStatus status,
    String suspendedReply) {

  /**
   * Longest product code: codes are typed on phone keypads, and ten characters is already unusually
   * long.
   */
  public static final int MAX_CODE_LENGTH = 10;

  /** Longest free trial; anything longer is a misconfiguration rather than a promotion. */
  public static final int MAX_TRIAL_DAYS = 90;

  /**
   * @throws IllegalArgumentException naming the product and field for a malformed code, a negative
   *     price, a price that contradicts the charge type, or a trial on a product that is not
   *     monthly
   */
  public Product {
    if (!isCode(code)) {
      throw new IllegalArgumentException(
          "product code must be 1-"
              + MAX_CODE_LENGTH
              + " upper-case ASCII letters or digits starting with a letter, got '"
              + code
              + "'");
    }
    Objects.requireNonNull(numericCode, "numericCode");
    if (!numericCode.isEmpty() && !isDigits(numericCode)) {
      throw new IllegalArgumentException(
          "product " + code + ": numeric code must be digits, got '" + numericCode + "'");
    }
    requireText(nameZh, code, "nameZh");
    Objects.requireNonNull(nameEn, "nameEn");
    aliases = List.copyOf(Objects.requireNonNull(aliases, "aliases"));
    for (String alias : aliases) {
      requireText(alias, code, "alias");
    }
    requireText(partnerCode, code, "partnerCode");
    if (!isDigits(servicePort)) {
      throw new IllegalArgumentException(
          "product " + code + ": service port must be digits, got '" + servicePort + "'");
    }
    Objects.requireNonNull(extension, "extension");
    if (!extension.isEmpty() && !isDigits(extension)) {
      throw new IllegalArgumentException(
          "product " + code + ": extension must be digits, got '" + extension + "'");
    }
    Objects.requireNonNull(chargeType, "chargeType");
    if (priceFen < 0) {
      throw new IllegalArgumentException(
          "product " + code + ": price must not be negative, got " + priceFen);
    }
    if ((chargeType == ChargeType.FREE) != (priceFen == 0)) {
      throw new IllegalArgumentException(
          "product "
              + code
              + ": a "
              + chargeType
              + " product cannot cost "
              + priceFen
              + " fen (free products cost 0, others more)");
    }
    if (trialDays < 0 || trialDays > MAX_TRIAL_DAYS) {
      throw new IllegalArgumentException(
          "product " + code + ": trial days must be 0-" + MAX_TRIAL_DAYS + ", got " + trialDays);
    }
    if (trialDays > 0 && chargeType != ChargeType.MONTHLY) {
      throw new IllegalArgumentException("product " + code + ": only monthly products have trials");
    }
    Objects.requireNonNull(firstMonthPolicy, "firstMonthPolicy");
    Objects.requireNonNull(revenueShare, "revenueShare");
    Objects.requireNonNull(confirmation, "confirmation");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(suspendedReply, "suspendedReply");
  }

  /**
   * A builder with the defaults: free, no numeric code, aliases or extension, 5:5, no confirmation,
   * active.
   */
  public static Builder builder(String code) {
    return new Builder(code);
  }

  /** A builder holding this product's values, to change some of them. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The name in {@code language}, the Chinese name where there is no English one. */
  public String name(Language language) {
    return language == Language.EN && !nameEn.isEmpty() ? nameEn : nameZh;
  }

  /** Code and Chinese name, to name the product in messages ({@code TQ 天气}). */
  public String describe() {
    return code + " " + nameZh;
  }

  /** Every text users may refer to the product by: code, numeric code, names and aliases. */
  public List<String> references() {
    List<String> references = new ArrayList<>(4 + aliases.size());
    references.add(code);
    if (!numericCode.isEmpty()) {
      references.add(numericCode);
    }
    references.add(nameZh);
    if (!nameEn.isEmpty()) {
      references.add(nameEn);
    }
    references.addAll(aliases);
    return references;
  }

  private static boolean isCode(String code) {
    if (code == null
        || code.isEmpty()
        || code.length() > MAX_CODE_LENGTH
        || code.charAt(0) < 'A'
        || code.charAt(0) > 'Z') {
      return false;
    }
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9')) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigits(String s) {
    if (s == null || s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static void requireText(String value, String code, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("product " + code + ": " + field + " must not be blank");
    }
  }

  /** Builds a {@link Product}; every setter returns this builder, {@link #build} validates. */
  public static final class Builder {
    private String code;
    private String numericCode = "";
    private String nameZh;
    private String nameEn = "";
    private List<String> aliases = List.of();
    private String partnerCode;
    private String servicePort;
    private String extension = "";
    private ChargeType chargeType = ChargeType.FREE;
    private long priceFen;
    private int trialDays;
    private FirstMonthPolicy firstMonthPolicy = FirstMonthPolicy.FULL_PRICE;
    private RevenueShare revenueShare = RevenueShare.of(5, 5);
    private ConfirmationPolicy confirmation = ConfirmationPolicy.NONE;
    private ProductStatus status = ProductStatus.ACTIVE;
    private String suspendedReply = "";

    private Builder(String code) {
      this.code = code;
    }

    private Builder(Product p) {
      code = p.code;
      numericCode = p.numericCode;
      nameZh = p.nameZh;
      nameEn = p.nameEn;
      aliases = p.aliases;
      partnerCode = p.partnerCode;
      servicePort = p.servicePort;
      extension = p.extension;
      chargeType = p.chargeType;
      priceFen = p.priceFen;
      trialDays = p.trialDays;
      firstMonthPolicy = p.firstMonthPolicy;
      revenueShare = p.revenueShare;
      confirmation = p.confirmation;
      status = p.status;
      suspendedReply = p.suspendedReply;
    }

    public Builder code(String value) {
      code = value;
      return this;
    }

    public Builder numericCode(String value) {
      numericCode = value;
      return this;
    }

    public Builder names(String zh, String en) {
      nameZh = zh;
      nameEn = en;
      return this;
    }

    public Builder aliases(String... values) {
      aliases = List.of(values);
      return this;
    }

    public Builder partner(String value) {
      partnerCode = value;
      return this;
    }

    /** The main port and the product's extension on it ({@code ""} for none). */
    public Builder offeredOn(String port, String ext) {
      servicePort = port;
      extension = ext;
      return this;
    }

    public Builder monthly(long fen) {
      chargeType = ChargeType.MONTHLY;
      priceFen = fen;
      return this;
    }

    public Builder perUse(long fen) {
      chargeType = ChargeType.PER_USE;
      priceFen = fen;
      return this;
    }

    public Builder free() {
      chargeType = ChargeType.FREE;
      priceFen = 0;
      return this;
    }

    public Builder trialDays(int value) {
      trialDays = value;
      return this;
    }

    public Builder firstMonth(FirstMonthPolicy value) {
      firstMonthPolicy = value;
      return this;
    }

    public Builder revenueShare(int operatorParts, int partnerParts) {
      revenueShare = RevenueShare.of(operatorParts, partnerParts);
      return this;
    }

    public Builder confirmation(ConfirmationPolicy value) {
      confirmation = value;
      return this;
    }

    public Builder status(ProductStatus value) {
      status = value;
      return this;
    }

    public Builder suspendedReply(String value) {
      suspendedReply = value;
      return this;
    }

    /**
     * @throws IllegalArgumentException as {@link Product#Product} does
     */
    public Product build() {
      return new Product(
          code,
          numericCode,
          nameZh,
          nameEn,
          aliases,
          partnerCode,
          servicePort,
          extension,
          chargeType,
          priceFen,
          trialDays,
          firstMonthPolicy,
          revenueShare,
          confirmation,
          status,
          suspendedReply);
    }
  }
}
