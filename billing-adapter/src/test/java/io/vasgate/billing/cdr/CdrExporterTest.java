package io.vasgate.billing.cdr;

import static org.assertj.core.api.Assertions.assertThat;

import io.vasgate.command.catalog.ChargeType;
import io.vasgate.persistence.Database;
import io.vasgate.persistence.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CdrExporterTest {

  private static final LocalDate MAY_1 = LocalDate.of(2024, 5, 1);
  private static final String HEADER =
      "id,type,message_id,billed_number,partner_code,service_number,product_code,charge_type,"
          + "fee_fen,charged_at,recorded_at,causing_mo_id,idempotency_key,charge_key,"
          + "transaction_id\r\n";

  private Database db;
  private ExecutorService executor;
  private CdrRepository cdrs;
  private Cdr midday;
  private Cdr lastMillisecond;
  private Cdr midnight;
  private Cdr nextDay;

  @BeforeAll
  void writeRecords() {
    db = TestDatabases.newDatabase("cdr_export");
    executor = Executors.newFixedThreadPool(2);
    cdrs = new CdrRepository(db.dataSource());
    // Written out of time order: the export orders by time, not by id.
    midday =
        cdrs.insertIfAbsent(
            new Cdr(
                0,
                CdrType.CHARGE,
                "per-use,\"news\"",
                Optional.empty(),
                Optional.empty(),
                "13800138000",
                "SP1",
                "1065888004",
                "XW",
                ChargeType.PER_USE,
                50,
                Instant.parse("2024-05-01T03:04:05.678Z"),
                Instant.parse("2024-05-01T03:04:05.900Z"),
                Optional.empty(),
                "交易-1"));
    lastMillisecond =
        cdrs.insertIfAbsent(
            TestCdrs.refund(
                "refund-1",
                "order-1",
                "SP1",
                "TQ",
                ChargeType.MONTHLY,
                200,
                Instant.parse("2024-05-01T15:59:59.999Z")));
    midnight =
        cdrs.insertIfAbsent(
            new Cdr(
                0,
                CdrType.CHARGE,
                "order-1",
                Optional.empty(),
                Optional.of("4711"),
                "13900139000",
                "SP1",
                "1065888002",
                "TQ",
                ChargeType.MONTHLY,
                200,
                Instant.parse("2024-04-30T16:00:00Z"),
                Instant.parse("2024-04-30T16:00:00.002Z"),
                Optional.of(4711L),
                "T-1"));
    nextDay =
        cdrs.insertIfAbsent(
            TestCdrs.charge(
                "next-day",
                "SP1",
                "TQ",
                ChargeType.MONTHLY,
                200,
                Instant.parse("2024-05-01T16:00:00Z")));
    cdrs.insertIfAbsent(
        TestCdrs.charge(
            "day-before",
            "SP1",
            "TQ",
            ChargeType.MONTHLY,
            200,
            Instant.parse("2024-04-30T15:59:59.999Z")));
    cdrs.insertIfAbsent(
        TestCdrs.charge(
            "other-partner",
            "SP2",
            "TQ",
            ChargeType.MONTHLY,
            200,
            Instant.parse("2024-05-01T04:00:00Z")));
  }

  @AfterAll
  void close() {
    executor.shutdownNow();
    db.close();
  }

  @Test
  void writesThePartnersRecordsOfTheChinaStandardDayInTimeOrder() {
    StringWriter out = new StringWriter();

    int rows = new CdrExporter(cdrs, executor).exportDaily(MAY_1, "SP1", out).join();

    assertThat(rows).isEqualTo(3);
    assertThat(out.toString())
        .isEqualTo(
            HEADER
                + midnight.id()
                + ",CHARGE,4711,13900139000,SP1,1065888002,TQ,MONTHLY,200,2024-05-01T00:00:00.000+08:00,2024-05-01T00:00:00.002+08:00,4711,order-1,,T-1\r\n"
                + midday.id()
                + ",CHARGE,,13800138000,SP1,1065888004,XW,PER_USE,50,"
                + "2024-05-01T11:04:05.678+08:00,2024-05-01T11:04:05.900+08:00,,"
                + "\"per-use,\"\"news\"\"\",,交易-1\r\n"
                + lastMillisecond.id()
                + ",REFUND,,13800138000,SP1,10658880,TQ,MONTHLY,-200,"
                + "2024-05-01T23:59:59.999+08:00,2024-05-01T23:59:59.999+08:00,,refund-1,order-1,"
                + "T-refund-1\r\n");
  }

  @Test
  void cutsDaysAtMidnightOfTheConfiguredZone() {
    StringWriter out = new StringWriter();

    int rows =
        new CdrExporter(cdrs, executor, ZoneOffset.UTC).exportDaily(MAY_1, "SP1", out).join();

    assertThat(rows).isEqualTo(3);
    assertThat(out.toString())
        .contains("\r\n" + midday.id() + ",")
        .contains("\r\n" + lastMillisecond.id() + ",")
        .contains("\r\n" + nextDay.id() + ",")
        .contains("2024-05-01T16:00:00.000Z")
        .doesNotContain("order-1,,T-1");
  }

  @Test
  void writesOnlyTheHeaderForADayWithoutRecords() {
    StringWriter out = new StringWriter();

    int rows =
        new CdrExporter(cdrs, executor).exportDaily(LocalDate.of(2024, 6, 1), "SP1", out).join();

    assertThat(rows).isZero();
    assertThat(out.toString()).isEqualTo(HEADER);
  }

  @Test
  void encodesUtf8OntoAStream() {
    StringWriter text = new StringWriter();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CdrExporter exporter = new CdrExporter(cdrs, executor);

    exporter.exportDaily(MAY_1, "SP1", text).join();
    exporter.exportDaily(MAY_1, "SP1", bytes).join();

    assertThat(bytes.toByteArray()).isEqualTo(text.toString().getBytes(StandardCharsets.UTF_8));
  }
}
