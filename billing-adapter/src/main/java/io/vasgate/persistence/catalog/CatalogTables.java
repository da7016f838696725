package io.vasgate.persistence.catalog;

import io.vasgate.command.catalog.ChargeType;
import io.vasgate.command.catalog.ConfirmationPolicy;
import io.vasgate.command.catalog.FirstMonthPolicy;
import io.vasgate.command.catalog.Product;
import io.vasgate.command.catalog.ProductStatus;
import io.vasgate.command.catalog.RevenueShare;
import io.vasgate.command.reply.Language;
import io.vasgate.command.reply.ReplyKey;
import io.vasgate.command.shortcode.CommandWords;
import io.vasgate.command.shortcode.ExtensionRoute;
import io.vasgate.command.shortcode.ServiceNumber;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL of the catalog tables (migration V200): reading them whole and writing one entity at a
 * time, always on a connection whose transaction the caller runs.
 */
final class CatalogTables {

  /** Command word lists by their API name, as stored in {@code command_word.command}. */
  private static final Map<String, String> COMMAND_COLUMN_VALUES =
      Map.of(
          "subscribe", "SUBSCRIBE",
          "unsubscribe", "UNSUBSCRIBE",
          "query", "QUERY",
          "unsubscribeAll", "UNSUBSCRIBE_ALL",
          "confirm", "CONFIRM",
          "decline", "DECLINE",
          "help", "HELP");

  private static final String PRODUCT_COLUMNS =
      "code, numeric_code, name_zh, name_en, partner_code, service_port, extension, charge_type,"
          + " price_fen, trial_days, first_month_policy, share_operator, share_partner,"
          + " confirmation_required, confirmation_window_seconds, status, suspended_reply";

  private static final String INSERT_PRODUCT =
      "INSERT INTO product ("
          + PRODUCT_COLUMNS
          + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private static final String UPDATE_PRODUCT =
      "UPDATE product SET code = ?, numeric_code = ?, name_zh = ?, name_en = ?, partner_code = ?,"
          + " service_port = ?, extension = ?, charge_type = ?, price_fen = ?, trial_days = ?,"
          + " first_month_policy = ?, share_operator = ?, share_partner = ?,"
          + " confirmation_required = ?, confirmation_window_seconds = ?, status = ?,"
          + " suspended_reply = ? WHERE code = ?";

  private CatalogTables() {}

  /** Locks the version row until the transaction ends and returns the version. */
  static long lockVersion(Connection c) throws SQLException {
    return version(c, "SELECT version FROM catalog_version WHERE id = 1 FOR UPDATE");
  }

  static long version(Connection c) throws SQLException {
    return version(c, "SELECT version FROM catalog_version WHERE id = 1");
  }

  private static long version(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new SQLException("catalog_version has no row 1; was migration V200 applied?");
      }
      return rs.getLong(1);
    }
  }

  /** Bumps the version in the caller's transaction and returns the new one. */
  static long bumpVersion(Connection c, long locked) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE catalog_version SET version = version + 1 WHERE id = 1")) {
      ps.executeUpdate();
    }
    return locked + 1;
  }

  /**
   * Everything in the tables.
   *
   * @throws IllegalArgumentException if rows make no valid entity (edited around the repository)
   */
  static CatalogContent read(Connection c) throws SQLException {
    List<Partner> partners = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT code, name FROM partner ORDER BY code");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        partners.add(new Partner(rs.getString(1), rs.getString(2)));
      }
    }
    return new CatalogContent(partners, readNumbers(c), readProducts(c), readTemplates(c));
  }

  private static List<ServiceNumber> readNumbers(Connection c) throws SQLException {
    Map<String, List<ExtensionRoute>> routes = new HashMap<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT port, extension, target_type, target FROM extension_route"
                    + " ORDER BY port, extension");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        routes
            .computeIfAbsent(rs.getString(1), p -> new ArrayList<>())
            .add(route(rs.getString(2), rs.getString(3), rs.getString(4)));
      }
    }
    Map<String, Map<String, List<String>>> words = new HashMap<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT port, command, word FROM command_word ORDER BY port, command, position");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        words
            .computeIfAbsent(rs.getString(1), p -> new HashMap<>())
            .computeIfAbsent(rs.getString(2), k -> new ArrayList<>())
            .add(rs.getString(3));
      }
    }
    List<ServiceNumber> numbers = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT port, language, cancel_all_means_query FROM service_number ORDER BY id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String port = rs.getString(1);
        String tag = rs.getString(2);
        Language language =
            Language.fromTag(tag)
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "service number " + port + ": unknown language " + tag));
        numbers.add(
            new ServiceNumber(
                port,
                routes.getOrDefault(port, List.of()),
                words(words.getOrDefault(port, Map.of())),
                language,
                rs.getBoolean(3)));
      }
    }
    return numbers;
  }

  private static CommandWords words(Map<String, List<String>> byCommand) {
    Map<String, List<String>> lists = new LinkedHashMap<>();
    COMMAND_COLUMN_VALUES.forEach(
        (name, column) -> lists.put(name, byCommand.getOrDefault(column, List.of())));
    return new CommandWords(
        lists.get("subscribe"),
        lists.get("unsubscribe"),
        lists.get("query"),
        lists.get("unsubscribeAll"),
        lists.get("confirm"),
        lists.get("decline"),
        lists.get("help"));
  }

  private static ExtensionRoute route(String extension, String type, String target) {
    return switch (type) {
      case "PRODUCT" -> new ExtensionRoute.ToProduct(extension, target);
      case "CAMPAIGN" -> new ExtensionRoute.ToCampaign(extension, target);
      case "PARTNER" -> new ExtensionRoute.ToPartner(extension, target);
      default ->
          throw new IllegalArgumentException("extension " + extension + ": route type " + type);
    };
  }

  private static String routeType(ExtensionRoute route) {
    if (route instanceof ExtensionRoute.ToProduct) {
      return "PRODUCT";
    }
    return route instanceof ExtensionRoute.ToCampaign ? "CAMPAIGN" : "PARTNER";
  }

  private static List<Product> readProducts(Connection c) throws SQLException {
    Map<String, List<String>> aliases = new HashMap<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT product_code, alias FROM product_alias ORDER BY product_code, position");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        aliases.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
      }
    }
    List<Product> products = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement("SELECT " + PRODUCT_COLUMNS + " FROM product ORDER BY id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String code = rs.getString("code");
        String numericCode = rs.getString("numeric_code");
        String extension = rs.getString("extension");
        int window = rs.getInt("confirmation_window_seconds");
        products.add(
            new Product(
                code,
                numericCode == null ? "" : numericCode,
                rs.getString("name_zh"),
                rs.getString("name_en"),
                aliases.getOrDefault(code, List.of()),
                rs.getString("partner_code"),
                rs.getString("service_port"),
                extension == null ? "" : extension,
                ChargeType.valueOf(rs.getString("charge_type")),
                rs.getLong("price_fen"),
                rs.getInt("trial_days"),
                FirstMonthPolicy.valueOf(rs.getString("first_month_policy")),
                RevenueShare.of(rs.getInt("share_operator"), rs.getInt("share_partner")),
                rs.getBoolean("confirmation_required")
                    ? ConfirmationPolicy.within(Duration.ofSeconds(window))
                    : ConfirmationPolicy.NONE,
                ProductStatus.valueOf(rs.getString("status")),
                rs.getString("suspended_reply")));
      }
    }
    return products;
  }

  private static List<TemplateOverride> readTemplates(Connection c) throws SQLException {
    List<TemplateOverride> templates = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT port, language, reply_key, template FROM reply_template"
                    + " ORDER BY port, language, reply_key");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String where = rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3);
        Language language =
            Language.fromTag(rs.getString(2))
                .orElseThrow(() -> new IllegalArgumentException(where + ": unknown language"));
        ReplyKey key =
            ReplyKey.byId(rs.getString(3))
                .orElseThrow(() -> new IllegalArgumentException(where + ": unknown reply key"));
        templates.add(new TemplateOverride(rs.getString(1), language, key, rs.getString(4)));
      }
    }
    return templates;
  }

  static void insertPartner(Connection c, Partner partner) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO partner (code, name) VALUES (?, ?)")) {
      ps.setString(1, partner.code());
      ps.setString(2, partner.name());
      ps.executeUpdate();
    }
  }

  static void insertServiceNumber(Connection c, ServiceNumber number) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO service_number (port, language, cancel_all_means_query) VALUES (?, ?, ?)")) {
      ps.setString(1, number.port());
      ps.setString(2, number.language().tag());
      ps.setBoolean(3, number.cancelAllMeansQuery());
      ps.executeUpdate();
    }
    insertRoutesAndWords(c, number);
  }

  static void updateServiceNumber(Connection c, ServiceNumber number) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE service_number SET language = ?, cancel_all_means_query = ? WHERE port = ?")) {
      ps.setString(1, number.language().tag());
      ps.setBoolean(2, number.cancelAllMeansQuery());
      ps.setString(3, number.port());
      ps.executeUpdate();
    }
    deleteWhere(c, "DELETE FROM extension_route WHERE port = ?", number.port());
    deleteWhere(c, "DELETE FROM command_word WHERE port = ?", number.port());
    insertRoutesAndWords(c, number);
  }

  /** Deletes the number; its routes, words and templates go with it (ON DELETE CASCADE). */
  static void deleteServiceNumber(Connection c, String port) throws SQLException {
    deleteWhere(c, "DELETE FROM service_number WHERE port = ?", port);
  }

  private static void insertRoutesAndWords(Connection c, ServiceNumber number) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO extension_route (port, extension, target_type, target)"
                + " VALUES (?, ?, ?, ?)")) {
      for (ExtensionRoute route : number.routes()) {
        ps.setString(1, number.port());
        ps.setString(2, route.extension());
        ps.setString(3, routeType(route));
        ps.setString(4, CatalogRules.target(route));
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO command_word (port, command, position, word) VALUES (?, ?, ?, ?)")) {
      for (Map.Entry<String, List<String>> list :
          CatalogRules.wordLists(number.words()).entrySet()) {
        for (int i = 0; i < list.getValue().size(); i++) {
          ps.setString(1, number.port());
          ps.setString(2, COMMAND_COLUMN_VALUES.get(list.getKey()));
          ps.setInt(3, i);
          ps.setString(4, list.getValue().get(i));
          ps.addBatch();
        }
      }
      ps.executeBatch();
    }
  }

  static void insertProduct(Connection c, Product product) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(INSERT_PRODUCT)) {
      bindProduct(ps, product);
      ps.executeUpdate();
    }
    insertAliases(c, product);
  }

  static void updateProduct(Connection c, Product product) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(UPDATE_PRODUCT)) {
      bindProduct(ps, product);
      ps.setString(18, product.code());
      ps.executeUpdate();
    }
    deleteWhere(c, "DELETE FROM product_alias WHERE product_code = ?", product.code());
    insertAliases(c, product);
  }

  private static void bindProduct(PreparedStatement ps, Product p) throws SQLException {
    ps.setString(1, p.code());
    setNullableText(ps, 2, p.numericCode());
    ps.setString(3, p.nameZh());
    ps.setString(4, p.nameEn());
    ps.setString(5, p.partnerCode());
    ps.setString(6, p.servicePort());
    setNullableText(ps, 7, p.extension());
    ps.setString(8, p.chargeType().name());
    ps.setLong(9, p.priceFen());
    ps.setInt(10, p.trialDays());
    ps.setString(11, p.firstMonthPolicy().name());
    ps.setInt(12, p.revenueShare().operatorParts());
    ps.setInt(13, p.revenueShare().partnerParts());
    ps.setBoolean(14, p.confirmation().required());
    ps.setLong(15, p.confirmation().window().getSeconds());
    ps.setString(16, p.status().name());
    ps.setString(17, p.suspendedReply());
  }

  /** Empty strings are stored as NULL so the unique keys on them ignore products without one. */
  private static void setNullableText(PreparedStatement ps, int index, String value)
      throws SQLException {
    if (value.isEmpty()) {
      ps.setNull(index, Types.VARCHAR);
    } else {
      ps.setString(index, value);
    }
  }

  private static void insertAliases(Connection c, Product product) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO product_alias (product_code, position, alias) VALUES (?, ?, ?)")) {
      for (int i = 0; i < product.aliases().size(); i++) {
        ps.setString(1, product.code());
        ps.setInt(2, i);
        ps.setString(3, product.aliases().get(i));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  static void upsertTemplate(Connection c, TemplateOverride template) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO reply_template (port, language, reply_key, template) VALUES (?, ?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE template = VALUES(template)")) {
      ps.setString(1, template.port());
      ps.setString(2, template.language().tag());
      ps.setString(3, template.key().id());
      ps.setString(4, template.text());
      ps.executeUpdate();
    }
  }

  static void deleteTemplate(Connection c, String port, Language language, ReplyKey key)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "DELETE FROM reply_template WHERE port = ? AND language = ? AND reply_key = ?")) {
      ps.setString(1, port);
      ps.setString(2, language.tag());
      ps.setString(3, key.id());
      ps.executeUpdate();
    }
  }

  private static void deleteWhere(Connection c, String sql, String value) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, value);
      ps.executeUpdate();
    }
  }
}
