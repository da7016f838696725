package io.vasgate.account;

import io.vasgate.smpp.pdu.BindType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ESME accounts in table {@code esme_account} (migration V100). Bind types and the IP allowlist are
 * stored as comma-separated text: both are small, read whole and never queried by element.
 *
 * <p>Blocking JDBC: call from a thread that may block, never from an event loop. Failures surface
 * as {@link AccountStoreException}.
 */
public final class EsmeAccountRepository {

  private static final Logger log = LoggerFactory.getLogger(EsmeAccountRepository.class);

  private static final String COLUMNS =
      "system_id, password_hash, bind_types, max_binds, ip_allowlist, role,"
          + " max_submit_per_second, window_size, enabled";

  private static final String FIND = "SELECT " + COLUMNS + " FROM esme_account WHERE system_id = ?";

  private static final String LIST = "SELECT " + COLUMNS + " FROM esme_account ORDER BY system_id";

  private static final String INSERT =
      "INSERT INTO esme_account (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private static final String UPDATE =
      "UPDATE esme_account SET password_hash = ?, bind_types = ?, max_binds = ?,"
          + " ip_allowlist = ?, role = ?, max_submit_per_second = ?, window_size = ?,"
          + " enabled = ? WHERE system_id = ?";

  /** MySQL/MariaDB error for a duplicate key; other integrity errors are not duplicates. */
  private static final int ER_DUP_ENTRY = 1062;

  private final DataSource dataSource;
  private final PasswordHasher hasher;

  /**
   * @param dataSource the gateway's pool, migrated
   * @param hasher hashes the plain-text passwords of seeded accounts
   */
  public EsmeAccountRepository(DataSource dataSource, PasswordHasher hasher) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
  }

  /** The account with exactly this system_id (case-sensitive), if any. */
  public Optional<EsmeAccount> findBySystemId(String systemId) {
    Objects.requireNonNull(systemId, "systemId");
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(FIND)) {
      ps.setString(1, systemId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(map(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new AccountStoreException("esme_account - cannot read '" + systemId + "'", e);
    }
  }

  /** Every account, ordered by system_id. */
  public List<EsmeAccount> list() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(LIST);
        ResultSet rs = ps.executeQuery()) {
      List<EsmeAccount> accounts = new ArrayList<>();
      while (rs.next()) {
        accounts.add(map(rs));
      }
      return accounts;
    } catch (SQLException e) {
      throw new AccountStoreException("esme_account - cannot list accounts", e);
    }
  }

  /**
   * Stores a new account.
   *
   * @throws DuplicateSystemIdException if an account with its system_id exists
   */
  public void insert(EsmeAccount account) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(INSERT)) {
      ps.setString(1, account.systemId());
      ps.setString(2, account.passwordHash());
      ps.setString(3, encodeBindTypes(account.allowedBindTypes()));
      ps.setInt(4, account.maxBinds());
      ps.setString(5, encodeAllowlist(account.ipAllowlist()));
      ps.setString(6, account.role().name());
      ps.setInt(7, account.maxSubmitPerSecond());
      ps.setInt(8, account.windowSize());
      ps.setBoolean(9, account.enabled());
      ps.executeUpdate();
    } catch (SQLException e) {
      if (e.getErrorCode() == ER_DUP_ENTRY) {
        throw new DuplicateSystemIdException(account.systemId(), e);
      }
      throw new AccountStoreException(
          "esme_account - cannot insert '" + account.systemId() + "'", e);
    }
  }

  /**
   * Replaces everything but the system_id of an existing account.
   *
   * @return false if there is no account with its system_id
   */
  public boolean update(EsmeAccount account) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(UPDATE)) {
      ps.setString(1, account.passwordHash());
      ps.setString(2, encodeBindTypes(account.allowedBindTypes()));
      ps.setInt(3, account.maxBinds());
      ps.setString(4, encodeAllowlist(account.ipAllowlist()));
      ps.setString(5, account.role().name());
      ps.setInt(6, account.maxSubmitPerSecond());
      ps.setInt(7, account.windowSize());
      ps.setBoolean(8, account.enabled());
      ps.setString(9, account.systemId());
      // Connector/J reports matched rows, not changed ones, so an unchanged account counts too.
      return ps.executeUpdate() > 0;
    } catch (SQLException e) {
      throw new AccountStoreException(
          "esme_account - cannot update '" + account.systemId() + "'", e);
    }
  }

  /**
   * Inserts the configured accounts that are not stored yet and leaves stored ones untouched, so a
   * password an operator changed since is not reset by the next start.
   *
   * @return the accounts inserted now
   * @throws IllegalArgumentException if two specs share a system_id
   */
  public List<EsmeAccount> seed(List<AccountSpec> specs) {
    Set<String> seen = new HashSet<>();
    for (AccountSpec spec : specs) {
      if (!seen.add(spec.systemId())) {
        throw new IllegalArgumentException(
            "esme accounts: system_id '" + spec.systemId() + "' is configured twice");
      }
    }
    List<EsmeAccount> inserted = new ArrayList<>();
    for (AccountSpec spec : specs) {
      if (findBySystemId(spec.systemId()).isPresent()) {
        log.debug("esme_account - '{}' exists, keeping the stored account", spec.systemId());
        continue;
      }
      EsmeAccount account = spec.toAccount(hasher);
      try {
        insert(account);
        inserted.add(account);
      } catch (DuplicateSystemIdException e) {
        // Another node seeded it between our look and our insert: theirs stands.
        log.debug("esme_account - '{}' was inserted concurrently, keeping it", spec.systemId());
      }
    }
    log.info(
        "esme_account - seeded {} of {} configured accounts {}",
        inserted.size(),
        specs.size(),
        inserted.stream().map(EsmeAccount::systemId).toList());
    return inserted;
  }

  private static EsmeAccount map(ResultSet rs) throws SQLException {
    String systemId = rs.getString("system_id");
    try {
      return new EsmeAccount(
          systemId,
          rs.getString("password_hash"),
          decodeBindTypes(rs.getString("bind_types")),
          rs.getInt("max_binds"),
          decodeAllowlist(rs.getString("ip_allowlist")),
          EsmeRole.valueOf(rs.getString("role")),
          rs.getInt("max_submit_per_second"),
          rs.getInt("window_size"),
          rs.getBoolean("enabled"));
    } catch (IllegalArgumentException e) {
      throw new AccountStoreException(
          "esme_account - row '" + systemId + "' is invalid: " + e.getMessage(), e);
    }
  }

  private static String encodeBindTypes(Set<BindType> types) {
    return types.stream().map(Enum::name).collect(Collectors.joining(","));
  }

  private static Set<BindType> decodeBindTypes(String text) {
    Set<BindType> types = EnumSet.noneOf(BindType.class);
    for (String name : text.split(",")) {
      if (!name.isBlank()) {
        types.add(BindType.valueOf(name.strip()));
      }
    }
    return types;
  }

  private static String encodeAllowlist(List<CidrRange> ranges) {
    return ranges.stream().map(CidrRange::toString).collect(Collectors.joining(","));
  }

  private static List<CidrRange> decodeAllowlist(String text) {
    List<CidrRange> ranges = new ArrayList<>();
    for (String range : text.split(",")) {
      if (!range.isBlank()) {
        ranges.add(CidrRange.parse(range));
      }
    }
    return ranges;
  }
}
