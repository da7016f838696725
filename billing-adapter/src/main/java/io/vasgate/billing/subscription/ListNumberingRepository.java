package io.vasgate.billing.subscription;

import io.vasgate.persistence.BatchScope;
import io.vasgate.persistence.MultiRowInsert;
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

  private static final MultiRowInsert UPSERT =
      new MultiRowInsert(
          "INSERT INTO subscription_list (msisdn, listed_at, selectable_until, subscription_ids)"
              + " VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE listed_at = VALUES(listed_at),"
              + " selectable_until = VALUES(selectable_until),"
              + " subscription_ids = VALUES(subscription_ids)");

  private static final String FIND =
      "SELECT msisdn, listed_at, selectable_until, subscription_ids FROM subscription_list"
          + " WHERE msisdn = ?";

  /**
   * Stores {@code numbering}, replacing the number's previous one; in a group commit batch, with
   * the batch's other lists in one statement before it commits.
   */
  public void save(Connection c, ListNumbering numbering) throws SQLException {
    UPSERT.writeOn(c, List.<MultiRowInsert.Row>of((ps, first) -> bind(ps, first, numbering)));
  }

  private static void bind(PreparedStatement ps, int first, ListNumbering numbering)
      throws SQLException {
    ps.setString(first, numbering.msisdn());
    SqlValues.setInstant(ps, first + 1, numbering.listedAt());
    SqlValues.setInstant(ps, first + 2, numbering.selectableUntil());
    ps.setString(
        first + 3,
        numbering.subscriptionIds().stream().map(String::valueOf).collect(Collectors.joining(",")));
  }

  /** The number's latest numbering, however old. */
  public Optional<ListNumbering> find(Connection c, String msisdn) throws SQLException {
    // A list this batch saved must be found too.
    BatchScope.writeDeferredOf(c);
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
