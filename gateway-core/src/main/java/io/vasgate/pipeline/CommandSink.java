package io.vasgate.pipeline;

import java.util.concurrent.CompletionStage;

/** Where recorded handset messages go to be understood and answered. */
@FunctionalInterface
public interface CommandSink {

  /**
   * Takes one command without blocking; the stage completes (normally, whatever the command came
   * to) when the command is done with, so the caller can bound how many are under way.
   */
  CompletionStage<?> accept(InboundCommand command);
}
