package io.vasgate.billing.cdr;

import static org.assertj.core.api.Assertions.assertThat;

import io.vasgate.command.catalog.ChargeType;
import io.vasgate.command.catalog.Product;
import io.vasgate.command.catalog.RevenueShare;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class SettlementPropertyTest {

  private static final LocalDate FIRST = LocalDate.of(2024, 6, 1);

  /** One day's sum of one product, before it is settled. */
  record DaySum(
      int day, int product, long charges, long chargedFen, long refunds, long refundedFen) {}

  @Property
  void everyRowAndEveryTotalAddsUpExactly(
      @ForAll("shares") @Size(min = 1, max = 5) List<Integer> partnerParts,
      @ForAll("sums") @Size(max = 40) List<DaySum> sums) {
    Map<String, Product> products = new HashMap<>();
    for (int i = 0; i < partnerParts.size(); i++) {
      products.put(
          "P" + i,
          Product.builder("P" + i)
              .names("产品" + i, "")
              .partner(i % 2 == 0 ? "SP1" : "SP2")
              .offeredOn("10658880", "")
              .monthly(100)
              .revenueShare(RevenueShare.TOTAL_PARTS - partnerParts.get(i), partnerParts.get(i))
              .build());
    }
    SortedMap<LocalDate, List<CdrAggregate>> byDay = new TreeMap<>();
    Set<String> daysAndProducts = new HashSet<>();
    long charged = 0;
    long refunded = 0;
    for (DaySum sum : sums) {
      String code = "P" + (sum.product() % partnerParts.size());
      LocalDate day = FIRST.plusDays(sum.day());
      // The database yields one sum per day and product.
      if (!daysAndProducts.add(day + code)) {
        continue;
      }
      Product product = products.get(code);
      byDay
          .computeIfAbsent(day, d -> new ArrayList<>())
          .add(
              new CdrAggregate(
                  product.partnerCode(),
                  "10658880",
                  code,
                  ChargeType.MONTHLY,
                  sum.charges(),
                  sum.chargedFen(),
                  sum.refunds(),
                  sum.refundedFen()));
      charged += sum.chargedFen();
      refunded += sum.refundedFen();
    }

    Settlement settlement =
        Settlement.of(
            FIRST,
            FIRST.plusDays(6),
            CdrExporter.DEFAULT_ZONE,
            byDay,
            c -> Optional.ofNullable(products.get(c)));

    for (SettlementRow row : settlement.rows()) {
      assertThat(row.operatorFen() + row.partnerFen()).isEqualTo(row.totalFen());
      // The partner gets its share of the row total, rounded towards zero: never a fen too much.
      long exactTimesTen = row.totalFen() * row.share().partnerParts();
      assertThat(Math.abs(row.partnerFen() * RevenueShare.TOTAL_PARTS))
          .isLessThanOrEqualTo(Math.abs(exactTimesTen));
      assertThat(Math.abs(exactTimesTen) - Math.abs(row.partnerFen() * RevenueShare.TOTAL_PARTS))
          .isLessThan(RevenueShare.TOTAL_PARTS);
    }
    SettlementTotals totals = settlement.totals();
    assertThat(totals.chargedFen()).isEqualTo(charged);
    assertThat(totals.refundedFen()).isEqualTo(refunded);
    assertThat(totals.operatorFen() + totals.partnerFen()).isEqualTo(charged - refunded);
    assertThat(settlement.totalsOf("SP1").totalFen() + settlement.totalsOf("SP2").totalFen())
        .isEqualTo(totals.totalFen());
    long dailyTotal =
        settlement.dailyTotals().values().stream().mapToLong(SettlementTotals::totalFen).sum();
    assertThat(dailyTotal).isEqualTo(totals.totalFen());
  }

  @Property
  void thePartnerPartOfANegativeTotalMirrorsThatOfThePositiveOne(
      @ForAll @IntRange(min = 0, max = 10) int partnerParts,
      @ForAll @LongRange(min = 0, max = 1_000_000_000L) long fen) {
    RevenueShare share = RevenueShare.of(RevenueShare.TOTAL_PARTS - partnerParts, partnerParts);

    assertThat(SettlementRow.partnerPart(share, -fen))
        .isEqualTo(-SettlementRow.partnerPart(share, fen));
  }

  @Provide
  Arbitrary<List<Integer>> shares() {
    return Arbitraries.integers().between(0, 10).list();
  }

  @Provide
  Arbitrary<List<DaySum>> sums() {
    Arbitrary<DaySum> sum =
        Combinators.combine(
                Arbitraries.integers().between(0, 6),
                Arbitraries.integers().between(0, 4),
                Arbitraries.longs().between(0, 1000),
                Arbitraries.longs().between(0, 1_000_000),
                Arbitraries.longs().between(0, 10),
                Arbitraries.longs().between(0, 1_000_000))
            .as(DaySum::new);
    return sum.list();
  }
}
