package io.vasgate.billing.subscription;

/** Runs a command's {@link Epilogue} at the end of the work that decides its outcome. */
final class Epilogues {

  private Epilogues() {}

  /** {@code work}, then the epilogue if the work answered the command (no charge left to send). */
  static <T> Transactions.Work<Step<T>> onDone(
      Epilogue<? super T> epilogue, Transactions.Work<Step<T>> work) {
    return c -> {
      Step<T> step = work.run(c);
      if (step instanceof Step.Done<T> done) {
        epilogue.run(c, done.outcome());
      }
      return step;
    };
  }

  /** {@code work}, whose result is the command's outcome, then the epilogue with it. */
  static <T> Transactions.Work<T> onOutcome(
      Epilogue<? super T> epilogue, Transactions.Work<T> work) {
    return c -> {
      T outcome = work.run(c);
      epilogue.run(c, outcome);
      return outcome;
    };
  }
}
