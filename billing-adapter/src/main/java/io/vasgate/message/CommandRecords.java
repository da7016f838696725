package io.vasgate.message;

import io.vasgate.persistence.BatchScope;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes a command's own records, its MO (or the MO's result) and the reply parts about to be sent,
 * in the transaction that carried out the command: they commit with what they describe, or not at
 * all, and the peer's MO is answered and the reply sent as soon as that one commit is done. In a
 * group commit batch they wait for its end and go out with every other command's in one multi-row
 * statement per table.
 *
 * <p>An MO written here takes its dedup key in the same transaction: if another gateway (or this
 * one before a restart) already recorded the same MO within the window, the key is taken, the
 * transaction fails and nothing of the command is applied.
 */
public final class CommandRecords {

  private final Duration dedupWindow;

  /**
   * @param dedupWindow how long an MO's key stands for it: an MO past it gives the key up to a new
   *     MO under the same key (as the journal does)
   */
  public CommandRecords(Duration dedupWindow) {
    this.dedupWindow = Objects.requireNonNull(dedupWindow, "dedupWindow");
  }

  /**
   * Records {@code result} and {@code parts} on {@code c}, now or at its batch's end.
   *
   * @param mo the MO itself, when it is not recorded yet: it is written already done with; empty
   *     when it was recorded on arrival and only its result is written
   */
  public void record(Connection c, Optional<MoDraft> mo, MoResult result, List<MtDraft> parts)
      throws SQLException {
    var scope = BatchScope.of(c);
    if (scope.isEmpty()) {
      Waiting now = new Waiting(dedupWindow);
      now.add(mo, result, parts);
      now.write(c);
      return;
    }
    Waiting waiting = scope.get().attachment(Waiting.class).orElse(null);
    if (waiting == null) {
      waiting = new Waiting(dedupWindow);
      scope.get().attach(Waiting.class, waiting);
    }
    waiting.add(mo, result, parts);
  }

  /** A batch's records not yet written. */
  private static final class Waiting implements BatchScope.Deferred {
    final Duration dedupWindow;
    final List<MessageRows.NewMo> mos = new ArrayList<>();
    final List<MoResult> results = new ArrayList<>();
    final List<MtDraft> parts = new ArrayList<>();

    Waiting(Duration dedupWindow) {
      this.dedupWindow = dedupWindow;
    }

    void add(Optional<MoDraft> mo, MoResult result, List<MtDraft> replyParts) {
      MessageRows.requireResultOf(mo, result);
      if (mo.isPresent()) {
        mos.add(new MessageRows.NewMo(mo.get(), Optional.of(result)));
      } else {
        results.add(result);
      }
      parts.addAll(replyParts);
    }

    @Override
    public void write(Connection c) throws SQLException {
      // MOs first: a dedup key already taken fails here before the rest of these rows are written
      // (the batch's other deferred rows may be written already; its rollback undoes them too).
      MessageRows.insertMos(c, mos, dedupWindow);
      MessageRows.insertMts(c, parts);
      MessageRows.updateMos(c, results);
      mos.clear();
      parts.clear();
      results.clear();
    }
  }
}
