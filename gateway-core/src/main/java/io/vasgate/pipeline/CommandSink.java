package io.vasgate.pipeline;

import io.vasgate.message.MoRecorded;
import java.util.concurrent.CompletionStage;

/** Where handset messages go to be understood, answered and recorded. */
@FunctionalInterface
public interface CommandSink {

  /** Takes one command without blocking. */
  Handling accept(InboundCommand command);

  /**
   * How a command taken in is getting on.
   *
   * @param recorded completes once its MO is durably recorded (at once for one recorded on arrival;
   *     for one a re-send of an MO already recorded, with that MO's id, marked duplicate, and the
   *     command not carried out again), or exceptionally if it could not be, and then nothing of
   *     the command was applied: the peer may be answered when this completes
   * @param done completes, normally whatever the command came to, when the command is done with, so
   *     the caller can bound how many are under way
   */
  record Handling(CompletionStage<MoRecorded> recorded, CompletionStage<?> done) {}
}
