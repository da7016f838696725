package io.vasgate.message;

import java.time.Instant;
import java.util.Objects;

/**
 * What became of an MO: PROCESSED or FAILED, with the command and product it named.
 *
 * @param moId the MO
 * @param status PROCESSED or FAILED
 * @param command the command it was understood as, if any
 * @param productCode the product it named, if any
 * @param at when it was done with
 */
public record MoResult(long moId, String status, String command, String productCode, Instant at) {

  public MoResult {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(at, "at");
  }
}
