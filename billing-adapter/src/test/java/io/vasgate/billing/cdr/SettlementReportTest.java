package io.vasgate.billing.cdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vasgate.command.catalog.ChargeType;
import io.vasgate.command.catalog.Product;
import io.vasgate.persistence.Database;
import io.vasgate.persistence.TestDatabases;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Settlement over the real database with shares 5:5, 6:4 and 3:7 and fees chosen so that every
 * split has an odd fen to place.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SettlementReportTest {

  private static final ZoneId SHANGHAI = CdrExporter.DEFAULT_ZONE;
  private static final LocalDate DAY_1 = LocalDate.of(2024, 6, 1);
  private static final LocalDate DAY_2 = LocalDate.of(2024, 6, 2);

  private static final Product A55 = product("A55", "SP1").monthly(333).revenueShare(5, 5).build();
  private static final Product B64 = product("B64", "SP1").perUse(7).revenueShare(6, 4).build();
  private static final Product C37 = product("C37", "SP2").monthly(101).revenueShare(3, 7).build();
  private static final Product FREE = product("F00", "SP1").free().build();

  private static final Map<String, Product> CATALOG =
      Map.of("A55", A55, "B64", B64, "C37", C37, "F00", FREE);

  private Database db;
  private ExecutorService executor;
  private CdrRepository cdrs;
  private SettlementReport report;

  @BeforeAll
  void writeRecords() {
    db = TestDatabases.newDatabase("settlement");
    executor = Executors.newFixedThreadPool(2);
    cdrs = new CdrRepository(db.dataSource());
    report =
        new SettlementReport(
            cdrs, code -> Optional.ofNullable(CATALOG.get(code)), executor, SHANGHAI);

    charge("a1", A55, 333, DAY_1, 0, 0);
    charge("a2", A55, 333, DAY_1, 23, 59);
    charge("a3", A55, 333, DAY_2, 9, 0);
    charge("b1", B64, 7, DAY_1, 8, 0);
    charge("b2", B64, 7, DAY_1, 8, 1);
    charge("b3", B64, 7, DAY_2, 8, 0);
    charge("c1", C37, 101, DAY_1, 12, 0);
    charge("c2", C37, 101, DAY_1, 12, 30);
    cdrs.insertIfAbsent(
        TestCdrs.refund(
            "c2-refund", "c2", "SP2", "C37", ChargeType.MONTHLY, 101, at(DAY_2, 10, 0)));
    charge("free", FREE, 0, DAY_1, 10, 0);
    charge("before", A55, 333, DAY_1.minusDays(1), 23, 59);
    charge("after", A55, 333, DAY_2.plusDays(1), 0, 0);
  }

  @AfterAll
  void close() {
    executor.shutdownNow();
    db.close();
  }

  @Test
  void splitsEachPeriodRowOnItsTotalSoOperatorAndPartnerAddUpExactly() {
    Settlement settlement = report.forPeriod(DAY_1, DAY_2).join();

    assertThat(settlement.rows())
        .containsExactly(
            // 999 at 5:5: the partner's 499.5 rounds down, the operator keeps the odd fen.
            row(Optional.empty(), A55, 3, 999, 0, 0, 999, 500, 499),
            // 21 at 6:4: the partner's 8.4 rounds down to 8.
            row(Optional.empty(), B64, 3, 21, 0, 0, 21, 13, 8),
            // 202 charged, 101 refunded: 101 at 3:7, the partner's 70.7 rounds down to 70.
            row(Optional.empty(), C37, 2, 202, 1, 101, 101, 31, 70));
    assertThat(settlement.totals())
        .isEqualTo(new SettlementTotals(8, 1222, 1, 101, 1121, 544, 577));
    assertThat(settlement.totals().operatorFen() + settlement.totals().partnerFen())
        .isEqualTo(settlement.totals().totalFen());
  }

  @Test
  void breaksThePeriodDownByChinaStandardDay() {
    Settlement settlement = report.forPeriod(DAY_1, DAY_2).join();

    assertThat(settlement.dailyRows())
        .containsExactly(
            row(Optional.of(DAY_1), A55, 2, 666, 0, 0, 666, 333, 333),
            row(Optional.of(DAY_1), B64, 2, 14, 0, 0, 14, 9, 5),
            row(Optional.of(DAY_1), C37, 2, 202, 0, 0, 202, 61, 141),
            row(Optional.of(DAY_2), A55, 1, 333, 0, 0, 333, 167, 166),
            row(Optional.of(DAY_2), B64, 1, 7, 0, 0, 7, 5, 2),
            // A day whose refunds exceed its charges settles negative, rounded towards zero.
            row(Optional.of(DAY_2), C37, 0, 0, 1, 101, -101, -31, -70));
    assertThat(settlement.dailyTotals())
        .containsExactly(
            Map.entry(DAY_1, new SettlementTotals(6, 882, 0, 0, 882, 403, 479)),
            Map.entry(DAY_2, new SettlementTotals(2, 340, 1, 101, 239, 141, 98)));
  }

  @Test
  void roundsEachRowOnItsOwnSoDailyPartsNeedNotSumToThePeriodPart() {
    Settlement settlement = report.forPeriod(DAY_1, DAY_2).join();

    long dailyPartnerB64 =
        settlement.dailyRows().stream()
            .filter(r -> r.productCode().equals("B64"))
            .mapToLong(SettlementRow::partnerFen)
            .sum();
    SettlementRow periodB64 = settlement.rowsOf("SP1").get(1);

    assertThat(periodB64.productCode()).isEqualTo("B64");
    assertThat(dailyPartnerB64).isEqualTo(7);
    assertThat(periodB64.partnerFen()).isEqualTo(8);
  }

  @Test
  void totalsEachPartnerSeparately() {
    Settlement settlement = report.forPeriod(DAY_1, DAY_2).join();

    assertThat(settlement.totalsOf("SP1"))
        .isEqualTo(new SettlementTotals(6, 1020, 0, 0, 1020, 513, 507));
    assertThat(settlement.totalsOf("SP2"))
        .isEqualTo(new SettlementTotals(2, 202, 1, 101, 101, 31, 70));
    assertThat(settlement.totalsOf("nobody")).isEqualTo(SettlementTotals.ZERO);
  }

  @Test
  void leavesOutFreeRecordsAndRecordsOutsideThePeriod() {
    Settlement oneDay = report.forPeriod(DAY_1, DAY_1).join();

    assertThat(oneDay.rows())
        .extracting(SettlementRow::productCode)
        .containsExactly("A55", "B64", "C37");
    assertThat(oneDay.rows()).extracting(SettlementRow::chargeCount).containsExactly(2L, 2L, 2L);
  }

  @Test
  void refusesToGuessTheShareOfAProductMissingFromTheCatalog() {
    SettlementReport withoutC37 =
        new SettlementReport(
            cdrs,
            code -> code.equals("C37") ? Optional.empty() : Optional.ofNullable(CATALOG.get(code)),
            executor,
            SHANGHAI);

    assertThatThrownBy(() -> withoutC37.forPeriod(DAY_1, DAY_2).join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(IllegalStateException.class)
        .hasMessageContaining("C37");
  }

  @Test
  void refusesAReversedOrOverlongPeriod() {
    assertThatThrownBy(() -> report.forPeriod(DAY_2, DAY_1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> report.forPeriod(DAY_1, DAY_1.plusDays(SettlementReport.MAX_PERIOD_DAYS)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private void charge(String key, Product product, long fee, LocalDate day, int hour, int minute) {
    cdrs.insertIfAbsent(
        TestCdrs.charge(
            key,
            product.partnerCode(),
            product.code(),
            product.chargeType(),
            fee,
            at(day, hour, minute)));
  }

  private static Instant at(LocalDate day, int hour, int minute) {
    return LocalDateTime.of(day.getYear(), day.getMonth(), day.getDayOfMonth(), hour, minute)
        .atZone(SHANGHAI)
        .toInstant();
  }

  private static SettlementRow row(
      Optional<LocalDate> day,
      Product p,
      long charges,
      long charged,
      long refunds,
      long refunded,
      long total,
      long operator,
      long partner) {
    return new SettlementRow(
        day,
        p.partnerCode(),
        "10658880",
        p.code(),
        p.chargeType(),
        p.priceFen(),
        p.revenueShare(),
        charges,
        charged,
        refunds,
        refunded,
        total,
        operator,
        partner);
  }

  private static Product.Builder product(String code, String partner) {
    return Product.builder(code).names("产品" + code, "").partner(partner).offeredOn("10658880", "");
  }
}
