package io.vasgate.pipeline;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How handset commands are taken in and answered.
 *
 * @param temporaryFailureStatus the command_status an MO source gets when its MO cannot be
 *     recorded, so it retries: ESME_RX_T_APPN (0x64) or ESME_RSYSERR (0x08)
 * @param dedupWindow how long a re-sent MO is recognised as the one already recorded: long enough
 *     for a peer's retry after a lost response, short enough that a handset repeating a command
 *     without a peer reference to tell the two apart is answered again soon
 * @param reassemblyTimeout how long the parts of a long MO may take to arrive
 * @param journalBatch the most MO/MT writes one database transaction carries
 * @param zone where subscribers' days and months are reckoned
 * @param maxBacklog how many handset commands may be under way at once before MO sources are
 *     throttled (ESME_RTHROTTLED)
 * @param notifyVia the MO-source account whose sessions carry the gateway's own messages (charge
 *     reminders, renewals, late charge outcomes)
 * @param commitLanes how many shared transactions of subscriber work (orders, charges, CDRs) may
 *     run at once; a number's work always goes to the same lane
 * @param commitBatch the most commands' work one shared transaction carries
 * @param commitLinger how long a lane that found several commands queued waits for more before it
 *     starts their shared transaction (zero: at once)
 * @param workers threads that run command work; most of their time they wait for a shared commit,
 *     so there are many more of them than database connections
 */
public record PipelineConfig(
    int temporaryFailureStatus,
    Duration dedupWindow,
    Duration reassemblyTimeout,
    int journalBatch,
    ZoneId zone,
    int maxBacklog,
    String notifyVia,
    int commitLanes,
    int commitBatch,
    Duration commitLinger,
    int workers) {

  /** ESME_RX_T_APPN: "temporary application error, retry". */
  public static final int RX_T_APPN = 0x64;

  /** ESME_RSYSERR. */
  public static final int RSYSERR = 0x08;

  public PipelineConfig {
    if (temporaryFailureStatus != RX_T_APPN && temporaryFailureStatus != RSYSERR) {
      throw new IllegalArgumentException(
          "pipeline.temporaryFailureStatus must be 0x64 (ESME_RX_T_APPN) or 0x08 (ESME_RSYSERR)");
    }
    Objects.requireNonNull(dedupWindow, "pipeline.dedupWindow");
    Objects.requireNonNull(reassemblyTimeout, "pipeline.reassemblyTimeout");
    if (journalBatch < 1 || journalBatch > 10_000) {
      throw new IllegalArgumentException("pipeline.journalBatch must be in 1..10000");
    }
    Objects.requireNonNull(zone, "pipeline.zone");
    if (maxBacklog < 1) {
      throw new IllegalArgumentException("pipeline.maxBacklog must be positive");
    }
    if (notifyVia == null || notifyVia.isBlank()) {
      throw new IllegalArgumentException("pipeline.notifyVia must name an MO-source account");
    }
    if (commitLanes < 1 || commitLanes > 64) {
      throw new IllegalArgumentException("pipeline.commitLanes must be in 1..64");
    }
    if (commitBatch < 1 || commitBatch > 10_000) {
      throw new IllegalArgumentException("pipeline.commitBatch must be in 1..10000");
    }
    Objects.requireNonNull(commitLinger, "pipeline.commitLinger");
    if (workers < 1 || workers > 4096) {
      throw new IllegalArgumentException("pipeline.workers must be in 1..4096");
    }
  }

  public static PipelineConfig defaults() {
    return new PipelineConfig(
        RX_T_APPN,
        Duration.ofSeconds(60),
        Duration.ofMinutes(3),
        500,
        ZoneId.of("Asia/Shanghai"),
        5000,
        "mo",
        2,
        128,
        Duration.ofMillis(1),
        256);
  }
}
