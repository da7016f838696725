package io.vasgate.pipeline;

/** Where recorded handset messages go to be understood and answered. */
@FunctionalInterface
public interface CommandSink {

  /** Takes one command; must not block (it is called on the journal's or a session's thread). */
  void accept(InboundCommand command);
}
