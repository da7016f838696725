package io.vasgate.sms;

import java.util.ArrayList;
import java.util.List;

/**
 * An incomplete long message dropped after its timeout, reported so the caller can log it or answer
 * for it.
 *
 * @param receivedSequences the sequences that did arrive, ascending
 * @param receivedOctets payload octets held for it
 */
public record ExpiredGroup(
    PartGroupKey key,
    List<Integer> receivedSequences,
    int receivedOctets,
    long firstPartNanos,
    long expiredNanos) {

  public ExpiredGroup {
    if (key == null || receivedSequences == null) {
      throw new IllegalArgumentException("key and receivedSequences must not be null");
    }
    receivedSequences = List.copyOf(receivedSequences);
  }

  /** The sequences that never arrived, ascending. */
  public List<Integer> missingSequences() {
    List<Integer> missing = new ArrayList<>();
    for (int seq = 1; seq <= key.total(); seq++) {
      if (!receivedSequences.contains(seq)) {
        missing.add(seq);
      }
    }
    return missing;
  }
}
