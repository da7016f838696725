package io.vasgate.billing.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import io.vasgate.persistence.BatchScope;
import io.vasgate.persistence.Database;
import io.vasgate.persistence.GroupCommit;
import io.vasgate.persistence.LaneGate;
import io.vasgate.persistence.SqlWork;
import io.vasgate.persistence.TestDatabases;
import io.vasgate.persistence.TestIds;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A batch reads its numbers' live rows once, up front; the commands in it must then see exactly
 * what they would have read from the database, including what the batch's earlier commands wrote.
 */
class BatchLiveRowsTest {

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private static final String PORT = "10658880";

  private static Database db;
  private static GroupCommit groupCommit;
  private static final java.util.function.LongSupplier IDS = TestIds.source();

  private final SubscriptionRepository repository = new SubscriptionRepository();

  @BeforeAll
  static void start() {
    db = TestDatabases.newDatabase("batch_live_rows");
    groupCommit =
        new GroupCommit(
            db.dataSource(), 1, 64, "live-rows", Optional.of(SubscriptionRepository::openBatch));
  }

  @AfterAll
  static void stop() throws Exception {
    groupCommit.close();
    db.close();
  }

  @Test
  void laterCommandsOfABatchSeeWhatEarlierOnesWrote() throws Exception {
    String msisdn = "8613900000001";
    List<CompletableFuture<?>> steps = new ArrayList<>();
    CompletableFuture<Object> first;
    CompletableFuture<Object> duplicate;
    CompletableFuture<List<Subscription>> pendingAfterOrder;
    CompletableFuture<List<Subscription>> subscribedAfterActivation;
    CompletableFuture<Optional<Subscription>> liveAfterCancel;
    CompletableFuture<List<Subscription>> allAfterCancel;
    CompletableFuture<Object> reorder;
    try (LaneGate gate = LaneGate.hold(groupCommit, msisdn)) {
      first =
          step(
              msisdn,
              c -> repository.insert(c, pending(msisdn, "TQ"), IDS.getAsLong(), cause(), "order"));
      duplicate =
          step(
              msisdn,
              c -> repository.insert(c, pending(msisdn, "TQ"), IDS.getAsLong(), cause(), "again"));
      pendingAfterOrder = step(msisdn, c -> repository.findPendingOnPortForUpdate(c, msisdn, PORT));
      step(
          msisdn,
          c -> {
            Subscription order = repository.findLiveForUpdate(c, msisdn, "TQ").orElseThrow();
            Subscription active =
                order.activated(
                    SubscriptionState.ACTIVE,
                    NOW,
                    Optional.empty(),
                    Optional.of(LocalDate.of(2026, 12, 23)));
            repository.change(
                c, new SubscriptionRepository.Change(order, active, "confirmed"), cause(), NOW);
            return null;
          });
      subscribedAfterActivation = step(msisdn, c -> repository.findSubscribed(c, msisdn));
      step(
          msisdn,
          c -> {
            Subscription active = repository.findLiveForUpdate(c, msisdn, "TQ").orElseThrow();
            repository.change(
                c,
                new SubscriptionRepository.Change(
                    active, active.ended(SubscriptionState.CANCELLED, NOW), "unsubscribed"),
                cause(),
                NOW);
            return null;
          });
      liveAfterCancel = step(msisdn, c -> repository.findLive(c, msisdn, "TQ"));
      allAfterCancel = step(msisdn, c -> repository.findAllOf(c, msisdn));
      reorder =
          step(
              msisdn,
              c ->
                  repository.insert(c, pending(msisdn, "TQ"), IDS.getAsLong(), cause(), "reorder"));
      steps.addAll(List.of(first, duplicate, pendingAfterOrder, liveAfterCancel, reorder));
      assertThat(steps).noneMatch(CompletableFuture::isDone);
    }
    CompletableFuture.allOf(steps.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

    Subscription ordered = ((Optional<?>) first.join()).map(Subscription.class::cast).orElseThrow();
    assertThat((Optional<?>) duplicate.join()).isEmpty();
    assertThat(pendingAfterOrder.join()).extracting(Subscription::id).containsExactly(ordered.id());
    assertThat(subscribedAfterActivation.join())
        .singleElement()
        .satisfies(s -> assertThat(s.state()).isEqualTo(SubscriptionState.ACTIVE));
    assertThat(liveAfterCancel.join()).isEmpty();
    // Read by SQL, in the batch: the changes waiting for the batch's end are written first.
    assertThat(allAfterCancel.join())
        .extracting(Subscription::state)
        .containsExactly(SubscriptionState.CANCELLED);
    Subscription reordered =
        ((Optional<?>) reorder.join()).map(Subscription.class::cast).orElseThrow();
    assertThat(reordered.id()).isNotEqualTo(ordered.id());

    // And the database holds what the batch believed.
    assertThat(states(msisdn)).containsExactly("CANCELLED", "PENDING_CONFIRMATION");
    try (Connection c = db.dataSource().getConnection()) {
      assertThat(repository.transitionsOf(c, msisdn))
          .extracting(t -> t.from().map(Enum::name).orElse("-") + ">" + t.to())
          .containsExactly(
              "->PENDING_CONFIRMATION",
              "PENDING_CONFIRMATION>ACTIVE",
              "ACTIVE>CANCELLED",
              "->PENDING_CONFIRMATION");
    }
  }

  @Test
  void rowsOfNumbersOutsideTheBatchAndTerminalRowsAreReadFromTheDatabase() throws Exception {
    String inBatch = "8613900000002";
    String outside = "8613900000003";
    long outsideId =
        groupCommit
            .submit(
                "setup",
                outside,
                c ->
                    repository
                        .insert(c, pending(outside, "TQ"), IDS.getAsLong(), cause(), "order")
                        .orElseThrow())
            .get(10, TimeUnit.SECONDS)
            .id();
    CompletableFuture<Optional<Subscription>> byId;
    CompletableFuture<Optional<Subscription>> otherNumber;
    try (LaneGate gate = LaneGate.hold(groupCommit, inBatch)) {
      byId = step(inBatch, c -> repository.findByIdForUpdate(c, outsideId));
      otherNumber = step(inBatch, c -> repository.findLive(c, outside, "TQ"));
    }
    assertThat(byId.get(10, TimeUnit.SECONDS)).map(Subscription::id).contains(outsideId);
    assertThat(otherNumber.get(10, TimeUnit.SECONDS)).map(Subscription::id).contains(outsideId);
  }

  @Test
  void aBatchReadsItsNumbersRowsIntoItsScope() throws Exception {
    String msisdn = "8613900000004";
    groupCommit
        .submit(
            "setup",
            msisdn,
            c -> repository.insert(c, pending(msisdn, "TQ"), IDS.getAsLong(), cause(), "o"))
        .get(10, TimeUnit.SECONDS);
    boolean attached =
        groupCommit
            .submit(
                "probe",
                msisdn,
                c -> BatchScope.of(c).orElseThrow().attachment(LiveRows.class).isPresent())
            .get(10, TimeUnit.SECONDS);
    assertThat(attached).isTrue();
  }

  @Test
  void aNewOrderWaitsForTheBatchsEndUnlessARowReferringToItIsWrittenFirst() throws Exception {
    String msisdn = "8613900000010";
    java.util.concurrent.atomic.AtomicReference<Subscription> order =
        new java.util.concurrent.atomic.AtomicReference<>();
    CompletableFuture<Long> rowsBeforeTheClaim;
    CompletableFuture<OrderChargeRepository.ClaimKind> claim;
    try (LaneGate gate = LaneGate.hold(groupCommit, msisdn)) {
      step(
          msisdn,
          c -> {
            order.set(
                repository
                    .insert(c, pending(msisdn, "TQ"), IDS.getAsLong(), cause(), "order")
                    .orElseThrow());
            return null;
          });
      rowsBeforeTheClaim = step(msisdn, c -> count(c, msisdn));
      // Its charge's row refers to it (a foreign key) and is written at once: the order first.
      claim =
          step(
              msisdn,
              c ->
                  new OrderChargeRepository()
                      .claim(
                          c,
                          OrderCharge.attempt(
                              MonthlyBilling.orderKey(order.get().id()),
                              msisdn,
                              io.vasgate.command.catalog.SampleCatalog.products().stream()
                                  .filter(p -> p.code().equals("TQ"))
                                  .findFirst()
                                  .orElseThrow(),
                              200,
                              io.vasgate.billing.charging.ChargeReason.ORDER,
                              Optional.of(order.get().id()),
                              Optional.empty(),
                              NOW,
                              NOW.plusSeconds(60)),
                          NOW,
                          NOW.plusSeconds(60))
                      .kind());
    }

    assertThat(rowsBeforeTheClaim.get(10, TimeUnit.SECONDS)).as("waiting").isZero();
    assertThat(claim.get(10, TimeUnit.SECONDS)).isEqualTo(OrderChargeRepository.ClaimKind.CLAIMED);
    assertThat(states(msisdn)).containsExactly("PENDING_CONFIRMATION");
  }

  private static long count(Connection c, String msisdn) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT COUNT(*) FROM subscription WHERE msisdn = ?")) {
      ps.setString(1, msisdn);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private <T> CompletableFuture<T> step(String msisdn, SqlWork<T> work) {
    return groupCommit.submit("step", msisdn, work);
  }

  private static NewOrder pending(String msisdn, String product) {
    return new NewOrder(
        msisdn,
        product,
        PORT,
        SubscriptionState.PENDING_CONFIRMATION,
        200,
        NOW,
        Optional.of(NOW.plus(Duration.ofHours(24))),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.of(1L));
  }

  private static TransitionCause cause() {
    return new TransitionCause.Mo(1);
  }

  private static List<String> states(String msisdn) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT state FROM subscription WHERE msisdn = ? ORDER BY id")) {
      ps.setString(1, msisdn);
      List<String> states = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          states.add(rs.getString(1));
        }
      }
      return states;
    }
  }
}
