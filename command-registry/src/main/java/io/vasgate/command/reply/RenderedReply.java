package io.vasgate.command.reply;

import java.util.Objects;

/**
 * A reply ready to send, with the number of SMS segments it will occupy (GSM-7 160/153, UCS2 70/67
 * per part).
 *
 * @param text the text to send
 * @param segments how many SMS it becomes; at least 1
 */
public record RenderedReply(String text, int segments) {

  public RenderedReply {
    Objects.requireNonNull(text, "text");
    if (segments < 1) {
      throw new IllegalArgumentException("a reply occupies at least one segment, got " + segments);
    }
  }
}
