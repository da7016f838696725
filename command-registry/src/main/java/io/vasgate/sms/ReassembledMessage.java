package io.vasgate.sms;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A long message with all its parts. {@link #payload()} is the parts' octets concatenated in
 * sequence order, to be decoded once with the data coding: a UCS2 character (or surrogate pair)
 * that a sender split across parts is whole again. Packed GSM is the exception, as every part
 * starts on its own fill bits: decode {@link #parts()} one by one.
 */
public final class ReassembledMessage {

  private final PartGroupKey key;
  private final List<byte[]> parts;
  private final long firstPartNanos;
  private final long completedNanos;

  ReassembledMessage(PartGroupKey key, byte[][] parts, long firstPartNanos, long completedNanos) {
    this.key = key;
    List<byte[]> copy = new ArrayList<>(parts.length);
    for (byte[] part : parts) {
      copy.add(part.clone());
    }
    this.parts = Collections.unmodifiableList(copy);
    this.firstPartNanos = firstPartNanos;
    this.completedNanos = completedNanos;
  }

  public PartGroupKey key() {
    return key;
  }

  public String originator() {
    return key.originator();
  }

  public int reference() {
    return key.reference();
  }

  public int total() {
    return key.total();
  }

  /** The parts' payloads concatenated in sequence order (a fresh array). */
  public byte[] payload() {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] out = new byte[length];
    int pos = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, out, pos, part.length);
      pos += part.length;
    }
    return out;
  }

  /** Each part's payload (a copy), index 0 holding sequence 1. */
  public List<byte[]> parts() {
    List<byte[]> copy = new ArrayList<>(parts.size());
    for (byte[] part : parts) {
      copy.add(part.clone());
    }
    return copy;
  }

  /** Time source reading when the first part arrived. */
  public long firstPartNanos() {
    return firstPartNanos;
  }

  /** Time source reading when the last missing part arrived. */
  public long completedNanos() {
    return completedNanos;
  }

  @Override
  public String toString() {
    return "ReassembledMessage[" + key + ", " + parts.size() + " parts]";
  }
}
