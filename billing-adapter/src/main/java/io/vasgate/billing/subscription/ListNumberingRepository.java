package io.vasgate.billing.subscription;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The numbering of each number's latest {@code 0000} list, in table {@code subscription_list}
 * (migration V300): one row per number, replaced by every new list.
 */
public final class ListNumberingRepository {

  private static final String UPSERT =
      "INSERT INTO subscription_list (msisdn, listed_at, selectable_until, subscription_ids)"
          + " VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE listed_at = VALUES(listed_at),"
          + " selectable_until = VALUES(selectable_until),"
          + " subscription_ids = VALUES(subscription_ids)";

  private static final String FIND =
      "SELECT msisdn, listed_at, selectable_until, subscription_ids FROM subscription_list"
          + " WHERE msisdn = ?";

  /** Stores {@code numbering}, replacing the number's previous one. */
  public void save(Connection c, ListNumbering numbering) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
      ps.setString(1, numbering.msisdn());
      SqlValues.setInstant(ps, 2, numbering.listedAt());
      SqlValues.setInstant(ps, 3, numbering.selectableUntil());
      ps.setString(
          4,
          numbering.subscriptionIds().stream()
              .map(String::valueOf)
              .collect(Collectors.joining(",")));
      ps.executeUpdate();
    }
  }

  /** The number's latest numbering, however old. */
  public Optional<ListNumbering> find(Connection c, String msisdn) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(FIND)) {
      ps.setString(1, msisdn);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        String ids = rs.getString("subscription_ids");
        List<Long> parsed = new ArrayList<>();
        if (!ids.isEmpty()) {
          for (String id : ids.split(",")) {
            parsed.add(Long.parseLong(id));
          }
        }
        return Optional.of(
            new ListNumbering(
                rs.getString("msisdn"),
                parsed,
                SqlValues.instant(rs, "listed_at"),
                SqlValues.instant(rs, "selectable_until")));
      }
    }
  }
}
