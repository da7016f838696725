package io.vasgate.billing.cdr;

import static org.assertj.core.api.Assertions.assertThat;

import io.vasgate.command.catalog.ChargeType;
import io.vasgate.persistence.Database;
import io.vasgate.persistence.GroupCommit;
import io.vasgate.persistence.TestDatabases;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Records written on a group-commit batch wait for its end, yet are found and kept once. */
class CdrRepositoryBatchTest {

  private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

  private static Database db;
  private static GroupCommit groupCommit;
  private static CdrRepository cdrs;

  @BeforeAll
  static void start() {
    db = TestDatabases.newDatabase("cdr_batch");
    groupCommit = new GroupCommit(db.dataSource(), 1, 64, "cdr-batch");
    cdrs = new CdrRepository(db.dataSource());
  }

  @AfterAll
  static void stop() throws Exception {
    groupCommit.close();
    db.close();
  }

  @Test
  void aRecordWrittenEarlierInTheBatchIsFoundAndARepeatKeepsOne() throws Exception {
    Cdr charge = TestCdrs.charge("order-1", "P1", "TQ", ChargeType.MONTHLY, 200, AT);
    Optional<Cdr> found =
        groupCommit
            .submit(
                "charge",
                charge.billedNumber(),
                c -> {
                  cdrs.recordOn(c, charge);
                  cdrs.recordOn(c, charge);
                  return cdrs.find(c, CdrType.CHARGE, "order-1");
                })
            .get(10, TimeUnit.SECONDS);
    assertThat(found).map(Cdr::feeFen).contains(200L);

    groupCommit
        .submit(
            "again",
            charge.billedNumber(),
            c -> {
              cdrs.recordOn(c, charge);
              return null;
            })
        .get(10, TimeUnit.SECONDS);
    assertThat(cdrs.forBilledNumber(charge.billedNumber()))
        .extracting(Cdr::idempotencyKey)
        .containsExactly("order-1");
  }
}
