package io.vasgate.admin.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.vasgate.billing.cdr.Settlement;
import io.vasgate.billing.cdr.SettlementRow;
import io.vasgate.billing.cdr.SettlementTotals;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The answer of {@code GET /api/settlement}: rows per partner, service number and product for the
 * period, the partners' totals, the grand totals, and the same rows and totals per day. All amounts
 * in fen; in every row and every total {@code operatorFen + partnerFen == totalFen}.
 *
 * @param partner the partner the report was restricted to, if any
 * @param rows the period rows, settled on
 * @param partners each partner's totals, from the period rows
 * @param totals the sums of the period rows
 * @param daily the rows per day, for reconciling with the daily CDR files
 * @param dailyTotals the sums of each day's rows
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SettlementDto(
    LocalDate from,
    LocalDate to,
    String zone,
    String partner,
    List<Row> rows,
    List<PartnerTotals> partners,
    Totals totals,
    List<Row> daily,
    List<DayTotals> dailyTotals) {

  /** One settlement row; {@code day} is absent on period rows. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Row(
      LocalDate day,
      String partnerCode,
      String serviceNumber,
      String productCode,
      String chargeType,
      long priceFen,
      String revenueShare,
      long chargeCount,
      long chargedFen,
      long refundCount,
      long refundedFen,
      long totalFen,
      long operatorFen,
      long partnerFen) {

    static Row of(SettlementRow r) {
      return new Row(
          r.day().orElse(null),
          r.partnerCode(),
          r.serviceNumber(),
          r.productCode(),
          r.chargeType().name(),
          r.priceFen(),
          r.share().toString(),
          r.chargeCount(),
          r.chargedFen(),
          r.refundCount(),
          r.refundedFen(),
          r.totalFen(),
          r.operatorFen(),
          r.partnerFen());
    }
  }

  /** Sums of rows. */
  record Totals(
      long chargeCount,
      long chargedFen,
      long refundCount,
      long refundedFen,
      long totalFen,
      long operatorFen,
      long partnerFen) {

    static Totals of(SettlementTotals t) {
      return new Totals(
          t.chargeCount(),
          t.chargedFen(),
          t.refundCount(),
          t.refundedFen(),
          t.totalFen(),
          t.operatorFen(),
          t.partnerFen());
    }
  }

  /** One partner's totals for the period. */
  record PartnerTotals(String partnerCode, Totals totals) {}

  /** One day's totals. */
  record DayTotals(LocalDate day, Totals totals) {}

  /** The report of {@code settlement}, restricted to {@code partner} if present. */
  static SettlementDto of(Settlement settlement, Optional<String> partner) {
    List<SettlementRow> rows = partner.map(settlement::rowsOf).orElse(settlement.rows());
    List<SettlementRow> daily =
        settlement.dailyRows().stream()
            .filter(r -> partner.map(p -> p.equals(r.partnerCode())).orElse(true))
            .toList();
    Map<String, List<SettlementRow>> byPartner = new LinkedHashMap<>();
    rows.forEach(r -> byPartner.computeIfAbsent(r.partnerCode(), k -> new ArrayList<>()).add(r));
    Map<LocalDate, List<SettlementRow>> byDay = new TreeMap<>();
    daily.forEach(r -> byDay.computeIfAbsent(r.day().orElseThrow(), k -> new ArrayList<>()).add(r));
    return new SettlementDto(
        settlement.firstDay(),
        settlement.lastDay(),
        settlement.zone().getId(),
        partner.orElse(null),
        rows.stream().map(Row::of).toList(),
        byPartner.entrySet().stream()
            .map(e -> new PartnerTotals(e.getKey(), Totals.of(SettlementTotals.of(e.getValue()))))
            .toList(),
        Totals.of(SettlementTotals.of(rows)),
        daily.stream().map(Row::of).toList(),
        byDay.entrySet().stream()
            .map(e -> new DayTotals(e.getKey(), Totals.of(SettlementTotals.of(e.getValue()))))
            .toList());
  }
}
