package io.vasgate.message;

import io.vasgate.persistence.BatchScope;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a command's own records, its MO's result and the reply parts about to be sent, in the
 * transaction that carried out the command: they commit with what they describe, or not at all, and
 * the reply goes out as soon as that one commit is done instead of after another of the journal's.
 * In a group commit batch they wait for its end and go out with every other command's in one
 * multi-row statement per table.
 */
public final class CommandRecords {

  private CommandRecords() {}

  /** Records {@code result} and {@code parts} on {@code c}, now or at its batch's end. */
  public static void record(Connection c, MoResult result, List<MtDraft> parts)
      throws SQLException {
    var scope = BatchScope.of(c);
    if (scope.isEmpty()) {
      MessageRows.insertMts(c, parts);
      MessageRows.updateMos(c, List.of(result));
      return;
    }
    Waiting waiting = scope.get().attachment(Waiting.class).orElse(null);
    if (waiting == null) {
      waiting = new Waiting();
      scope.get().attach(Waiting.class, waiting);
    }
    waiting.results.add(result);
    waiting.parts.addAll(parts);
  }

  /** A batch's records not yet written. */
  private static final class Waiting implements BatchScope.Deferred {
    final List<MoResult> results = new ArrayList<>();
    final List<MtDraft> parts = new ArrayList<>();

    @Override
    public void write(Connection c) throws SQLException {
      MessageRows.insertMts(c, parts);
      MessageRows.updateMos(c, results);
      parts.clear();
      results.clear();
    }
  }
}
