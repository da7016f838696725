package io.vasgate.command.parse;

import io.vasgate.command.catalog.Catalog;
import io.vasgate.command.shortcode.ServiceNumber;
import java.util.HashMap;
import java.util.Map;

/** The lexicons of every service number of one catalog snapshot. */
final class Grammar {

  private final Catalog catalog;
  private final Map<String, Lexicon> byPort = new HashMap<>();

  Grammar(Catalog catalog) {
    this.catalog = catalog;
    for (ServiceNumber number : catalog.serviceNumbers()) {
      byPort.put(number.port(), new Lexicon(number, catalog));
    }
  }

  boolean isFor(Catalog candidate) {
    return catalog == candidate;
  }

  Lexicon lexicon(String port) {
    return byPort.get(port);
  }
}
