package io.vasgate.message;

/** Where one part of a concatenated message sits: reference, total parts, this part's number. */
public record PartInfo(int reference, int total, int seq) {

  public PartInfo {
    if (total < 1 || seq < 1 || seq > total) {
      throw new IllegalArgumentException("part " + seq + " of " + total + " is impossible");
    }
  }
}
