package io.vasgate.persistence.catalog;

import io.vasgate.command.catalog.Product;
import io.vasgate.command.catalog.ProductStatus;
import io.vasgate.command.reply.Language;
import io.vasgate.command.reply.ReplyKey;
import io.vasgate.command.shortcode.ServiceNumber;
import io.vasgate.persistence.catalog.CatalogChange.Action;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The product catalog in the tables of migration V200: partners, service numbers, products and
 * reply template overrides.
 *
 * <p>Every change is one transaction that first locks the {@code catalog_version} row, reads the
 * catalog as committed, checks the change against it ({@link CatalogRejection} names the field at
 * fault), writes it, bumps the version, runs the caller's {@link ChangeHook} (the audit entry) and
 * commits. The lock serialises writers across gateway processes, so two operators cannot both claim
 * one extension; the version lets every process see with one cheap query that it must reload.
 *
 * <p>Blocking JDBC: call from a thread that may block. SQL failures surface as {@link
 * CatalogStoreException}.
 */
public final class CatalogRepository {

  private static final Logger log = LoggerFactory.getLogger(CatalogRepository.class);

  /** MySQL/MariaDB error for a duplicate key. */
  private static final int ER_DUP_ENTRY = 1062;

  /** MySQL/MariaDB errors for a row still referenced, or referring to nothing. */
  private static final int ER_ROW_IS_REFERENCED_2 = 1451;

  private static final int ER_NO_REFERENCED_ROW_2 = 1452;

  private final DataSource dataSource;

  /**
   * @param dataSource the gateway's pool, migrated
   */
  public CatalogRepository(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /** The current version: one indexed single-row read, cheap enough to poll. */
  public long version() {
    try (Connection c = dataSource.getConnection()) {
      return CatalogTables.version(c);
    } catch (SQLException e) {
      throw new CatalogStoreException("catalog - cannot read the version", e);
    }
  }

  /**
   * The whole catalog, read in one consistent snapshot so that a change committed meanwhile is
   * either wholly in it or wholly absent, with the version it was read at.
   *
   * @throws CatalogStoreException if the rows cannot be read or make no valid entity
   */
  public StoredCatalog load() {
    try (Connection c = dataSource.getConnection()) {
      int isolation = c.getTransactionIsolation();
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      c.setAutoCommit(false);
      c.setReadOnly(true);
      try {
        long version = CatalogTables.version(c);
        CatalogContent content = CatalogTables.read(c);
        c.commit();
        return new StoredCatalog(version, content);
      } catch (IllegalArgumentException e) {
        c.rollback();
        throw new CatalogStoreException("catalog - stored rows are invalid: " + e.getMessage(), e);
      } finally {
        c.setReadOnly(false);
        c.setAutoCommit(true);
        c.setTransactionIsolation(isolation);
      }
    } catch (SQLException e) {
      throw new CatalogStoreException("catalog - cannot load", e);
    }
  }

  /**
   * Writes {@code seed} if the catalog is empty: one transaction, one version bump, one hook call
   * per entity. Several gateways starting at once seed exactly once.
   *
   * @return the changes made; empty if the catalog already had content
   * @throws CatalogRejection if the seed is not a consistent catalog
   */
  public List<CatalogChange> seedIfEmpty(CatalogContent seed, ChangeHook hook) {
    Objects.requireNonNull(seed, "seed");
    Objects.requireNonNull(hook, "hook");
    return inTransaction(
        "seed",
        (c, locked) -> {
          if (!CatalogTables.read(c).isEmpty()) {
            return List.of();
          }
          CatalogRules.checkWhole(seed);
          long version = CatalogTables.bumpVersion(c, locked);
          List<CatalogChange> changes = new ArrayList<>();
          for (Partner partner : seed.partners()) {
            CatalogTables.insertPartner(c, partner);
            changes.add(created(CatalogEntity.PARTNER, partner.code(), partner, version));
          }
          for (ServiceNumber number : seed.serviceNumbers()) {
            CatalogTables.insertServiceNumber(c, number);
            changes.add(created(CatalogEntity.SERVICE_NUMBER, number.port(), number, version));
          }
          for (Product product : seed.products()) {
            CatalogTables.insertProduct(c, product);
            changes.add(created(CatalogEntity.PRODUCT, product.code(), product, version));
          }
          for (TemplateOverride template : seed.templates()) {
            CatalogTables.upsertTemplate(c, template);
            changes.add(created(CatalogEntity.REPLY_TEMPLATE, template.id(), template, version));
          }
          for (CatalogChange change : changes) {
            hook.inTransaction(c, change);
          }
          log.info(
              "catalog - seeded {} partners, {} service numbers, {} products, {} templates"
                  + " (version {})",
              seed.partners().size(),
              seed.serviceNumbers().size(),
              seed.products().size(),
              seed.templates().size(),
              version);
          return changes;
        });
  }

  /**
   * Adds a partner.
   *
   * @throws CatalogRejection CONFLICT on {@code code} if it exists
   */
  public CatalogChange createPartner(Partner partner, ChangeHook hook) {
    return inTransaction(
        "create partner " + partner.code(),
        (c, locked) -> {
          CatalogContent current = CatalogTables.read(c);
          CatalogRules.checkNewPartner(current, partner);
          CatalogRules.checkWhole(current.withPartner(partner));
          CatalogTables.insertPartner(c, partner);
          return commit(
              c, locked, hook, CatalogEntity.PARTNER, partner.code(), Action.CREATE, null, partner);
        });
  }

  /**
   * Adds a service number.
   *
   * @throws CatalogRejection CONFLICT on {@code port} if it exists, or naming the route or word at
   *     fault
   */
  public CatalogChange createServiceNumber(ServiceNumber number, ChangeHook hook) {
    return inTransaction(
        "create service number " + number.port(),
        (c, locked) -> {
          CatalogContent current = CatalogTables.read(c);
          CatalogRules.checkNewServiceNumber(current, number);
          CatalogRules.checkWhole(current.withServiceNumber(number));
          CatalogTables.insertServiceNumber(c, number);
          return commit(
              c,
              locked,
              hook,
              CatalogEntity.SERVICE_NUMBER,
              number.port(),
              Action.CREATE,
              null,
              number);
        });
  }

  /**
   * Replaces the routes, words, language and {@code 00000} flag of a service number.
   *
   * @throws CatalogRejection NOT_FOUND for an unknown port, or naming the route or word at fault
   */
  public CatalogChange updateServiceNumber(ServiceNumber number, ChangeHook hook) {
    return inTransaction(
        "update service number " + number.port(),
        (c, locked) -> {
          CatalogContent current = CatalogTables.read(c);
          ServiceNumber before = existingNumber(current, number.port());
          CatalogRules.checkServiceNumber(current, number);
          CatalogRules.checkWhole(current.withServiceNumber(number));
          CatalogTables.updateServiceNumber(c, number);
          return commit(
              c,
              locked,
              hook,
              CatalogEntity.SERVICE_NUMBER,
              number.port(),
              Action.UPDATE,
              before,
              number);
        });
  }

  /**
   * Deletes a service number that no product (not even a retired one) is offered on, with its
   * routes, words and template overrides.
   *
   * @throws CatalogRejection NOT_FOUND for an unknown port, CONFLICT on {@code port} if products
   *     are offered on it
   */
  public CatalogChange deleteServiceNumber(String port, ChangeHook hook) {
    return inTransaction(
        "delete service number " + port,
        (c, locked) -> {
          CatalogContent current = CatalogTables.read(c);
          ServiceNumber before = existingNumber(current, port);
          CatalogRules.checkServiceNumberDeletion(current, port);
          CatalogRules.checkWhole(current.withoutServiceNumber(port));
          CatalogTables.deleteServiceNumber(c, port);
          return commit(
              c, locked, hook, CatalogEntity.SERVICE_NUMBER, port, Action.DELETE, before, null);
        });
  }

  /**
   * Adds a product.
   *
   * @throws CatalogRejection naming the field: CONFLICT for a code, numeric code, extension or
   *     reference already claimed, INVALID for an unknown number or partner
   */
  public CatalogChange createProduct(Product product, ChangeHook hook) {
    return inTransaction(
        "create product " + product.code(),
        (c, locked) -> {
          CatalogContent current = CatalogTables.read(c);
          CatalogRules.checkNewProduct(current, product);
          CatalogRules.checkWhole(current.withProduct(product));
          CatalogTables.insertProduct(c, product);
          return commit(
              c, locked, hook, CatalogEntity.PRODUCT, product.code(), Action.CREATE, null, product);
        });
  }

  /**
   * Replaces everything but the code of a product.
   *
   * @throws CatalogRejection NOT_FOUND for an unknown code, else as {@link #createProduct};
   *     CONFLICT on {@code status} when a retired product would come back
   */
  public CatalogChange updateProduct(Product product, ChangeHook hook) {
    return inTransaction(
        "update product " + product.code(),
        (c, locked) -> {
          CatalogContent current = CatalogTables.read(c);
          Product before = existingProduct(current, product.code());
          CatalogRules.checkProductUpdate(current, before, product);
          CatalogRules.checkWhole(current.withProduct(product));
          CatalogTables.updateProduct(c, product);
          return commit(
              c,
              locked,
              hook,
              CatalogEntity.PRODUCT,
              product.code(),
              Action.UPDATE,
              before,
              product);
        });
  }

  /**
   * Changes a product by applying {@code edit} to it as stored, under the catalog lock, so that a
   * change made meanwhile by someone else is not overwritten (adding an alias, say).
   *
   * @param edit returns the changed product, with the same code; may throw to refuse the change
   * @throws CatalogRejection as {@link #updateProduct}
   */
  public CatalogChange editProduct(String code, UnaryOperator<Product> edit, ChangeHook hook) {
    return inTransaction(
        "edit product " + code,
        (c, locked) -> {
          CatalogContent current = CatalogTables.read(c);
          Product before = existingProduct(current, code);
          Product after = edit.apply(before);
          if (!after.code().equals(code)) {
            throw CatalogRejection.invalid("code", "a product keeps its code " + code);
          }
          CatalogRules.checkProductUpdate(current, before, after);
          CatalogRules.checkWhole(current.withProduct(after));
          CatalogTables.updateProduct(c, after);
          return commit(c, locked, hook, CatalogEntity.PRODUCT, code, Action.UPDATE, before, after);
        });
  }

  /**
   * Retires a product for good: no longer offered, still recognised so holders can unsubscribe.
   *
   * @throws CatalogRejection NOT_FOUND for an unknown code, CONFLICT on {@code status} if it is
   *     retired already
   */
  public CatalogChange retireProduct(String code, ChangeHook hook) {
    return inTransaction(
        "retire product " + code,
        (c, locked) -> {
          CatalogContent current = CatalogTables.read(c);
          Product before = existingProduct(current, code);
          CatalogRules.checkRetirement(before);
          Product after = before.toBuilder().status(ProductStatus.RETIRED).build();
          CatalogRules.checkWhole(current.withProduct(after));
          CatalogTables.updateProduct(c, after);
          return commit(c, locked, hook, CatalogEntity.PRODUCT, code, Action.RETIRE, before, after);
        });
  }

  /**
   * Sets the override of one reply on one number, creating or replacing it.
   *
   * @throws CatalogRejection NOT_FOUND for an unknown port, INVALID on {@code text} if too long
   */
  public CatalogChange putTemplate(TemplateOverride template, ChangeHook hook) {
    return inTransaction(
        "set template " + template.id(),
        (c, locked) -> {
          CatalogContent current = CatalogTables.read(c);
          existingNumber(current, template.port());
          CatalogRules.checkTemplate(template);
          Optional<TemplateOverride> before =
              current.template(template.port(), template.language(), template.key());
          CatalogRules.checkWhole(current.withTemplate(template));
          CatalogTables.upsertTemplate(c, template);
          return commit(
              c,
              locked,
              hook,
              CatalogEntity.REPLY_TEMPLATE,
              template.id(),
              before.isPresent() ? Action.UPDATE : Action.CREATE,
              before.orElse(null),
              template);
        });
  }

  /**
   * Removes the override of one reply on one number: the default applies again.
   *
   * @throws CatalogRejection NOT_FOUND if there is no such override
   */
  public CatalogChange deleteTemplate(
      String port, Language language, ReplyKey key, ChangeHook hook) {
    String id = TemplateOverride.id(port, language, key);
    return inTransaction(
        "delete template " + id,
        (c, locked) -> {
          CatalogContent current = CatalogTables.read(c);
          TemplateOverride before =
              current
                  .template(port, language, key)
                  .orElseThrow(() -> CatalogRejection.notFound("no template override " + id));
          CatalogTables.deleteTemplate(c, port, language, key);
          return commit(
              c, locked, hook, CatalogEntity.REPLY_TEMPLATE, id, Action.DELETE, before, null);
        });
  }

  private static ServiceNumber existingNumber(CatalogContent current, String port) {
    return current
        .serviceNumber(port)
        .orElseThrow(() -> CatalogRejection.notFound("no service number " + port));
  }

  private static Product existingProduct(CatalogContent current, String code) {
    return current.product(code).orElseThrow(() -> CatalogRejection.notFound("no product " + code));
  }

  private static CatalogChange created(
      CatalogEntity entity, String id, Object value, long version) {
    return new CatalogChange(
        entity, id, Action.CREATE, Optional.empty(), Optional.of(value), version);
  }

  private static CatalogChange commit(
      Connection c,
      long locked,
      ChangeHook hook,
      CatalogEntity entity,
      String id,
      Action action,
      Object before,
      Object after)
      throws SQLException {
    long version = CatalogTables.bumpVersion(c, locked);
    CatalogChange change =
        new CatalogChange(
            entity, id, action, Optional.ofNullable(before), Optional.ofNullable(after), version);
    hook.inTransaction(c, change);
    log.info("catalog - {} {} {} (version {})", action.id(), entity.type(), id, version);
    return change;
  }

  /** Work inside the catalog lock: gets the connection and the version it locked. */
  @FunctionalInterface
  private interface LockedWork<T> {
    T run(Connection connection, long lockedVersion) throws SQLException;
  }

  private <T> T inTransaction(String what, LockedWork<T> work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c, CatalogTables.lockVersion(c));
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        rollback(c, e);
        if (e instanceof SQLException sql) {
          throw translate(what, sql);
        }
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new CatalogStoreException("catalog - cannot " + what, e);
    }
  }

  private static RuntimeException translate(String what, SQLException e) {
    // The lock makes these unreachable through this class; they guard against rows written around
    // it.
    return switch (e.getErrorCode()) {
      case ER_DUP_ENTRY, ER_ROW_IS_REFERENCED_2, ER_NO_REFERENCED_ROW_2 ->
          new CatalogRejection(
              CatalogRejection.Reason.CONFLICT, null, "cannot " + what + ": " + e.getMessage());
      default -> new CatalogStoreException("catalog - cannot " + what, e);
    };
  }

  private static void rollback(Connection c, Exception cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }
}
