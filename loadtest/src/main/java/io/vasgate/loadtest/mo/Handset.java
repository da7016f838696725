package io.vasgate.loadtest.mo;

import java.util.SplittableRandom;

/**
 * One simulated subscriber: a number, the script it is working through and the one command it may
 * have outstanding. Confined to the driver's event loop.
 */
final class Handset {

  /** user_message_reference is a 2-octet field (SMPP 3.4 section 5.3.2.17). */
  static final int MAX_REFERENCE = 0xFFFF;

  private final String number;
  private CommandMix.Script script;
  private int step;
  private int reference;
  private PendingCommand pending;
  private boolean quarantined;
  private long readyAt;

  Handset(String number, CommandMix.Script script, int firstReference) {
    this.number = number;
    this.script = script;
    this.reference = firstReference & MAX_REFERENCE;
  }

  String number() {
    return number;
  }

  CommandMix.Script script() {
    return script;
  }

  CommandMix.Step currentStep() {
    return script.steps().get(step);
  }

  /** The command waiting for its reply, or null. */
  PendingCommand pending() {
    return pending;
  }

  void pending(PendingCommand command) {
    this.pending = command;
  }

  /**
   * The next user_message_reference: a re-sent MO is recognised by its reference, so every MO of a
   * handset carries a new one (it wraps after 65536 messages of the same handset).
   */
  int nextReference() {
    reference = (reference + 1) & MAX_REFERENCE;
    return reference;
  }

  /** Whether it is past the first step of its script: its next message answers a reply. */
  boolean midScript() {
    return step > 0;
  }

  /** When it may send its next message, in System.nanoTime terms (while thinking). */
  long readyAt() {
    return readyAt;
  }

  void readyAt(long nanoTime) {
    this.readyAt = nanoTime;
  }

  /** After a step was answered as expected: the next step, or a new script after the last. */
  void advance(CommandMix mix, SplittableRandom random) {
    step++;
    if (step == script.steps().size()) {
      script = mix.pick(random);
      step = 0;
    }
  }

  /**
   * Whether the handset was taken out of the load: its last command went unanswered or was answered
   * unexpectedly, so what the gateway holds for it is no longer known.
   */
  boolean quarantined() {
    return quarantined;
  }

  void quarantine() {
    this.quarantined = true;
  }
}
