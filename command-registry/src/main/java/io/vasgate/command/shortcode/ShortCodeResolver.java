package io.vasgate.command.shortcode;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Splits destination numbers into service number and extension by longest prefix, with hash lookups
 * per distinct port length rather than a scan of every number, so the cost does not grow with the
 * number of service numbers.
 */
public final class ShortCodeResolver {

  private final List<ServiceNumber> serviceNumbers;
  private final Map<String, Entry> byPort;
  private final int[] portLengths;

  /**
   * @throws IllegalArgumentException if two service numbers have the same port
   */
  public ShortCodeResolver(Collection<ServiceNumber> serviceNumbers) {
    Objects.requireNonNull(serviceNumbers, "serviceNumbers");
    this.serviceNumbers = List.copyOf(serviceNumbers);
    this.byPort = new HashMap<>();
    TreeSet<Integer> lengths = new TreeSet<>();
    for (ServiceNumber number : this.serviceNumbers) {
      if (byPort.putIfAbsent(number.port(), new Entry(number)) != null) {
        throw new IllegalArgumentException(
            "service number " + number.port() + " is configured twice");
      }
      lengths.add(number.port().length());
    }
    this.portLengths = descending(lengths);
  }

  /** The service numbers, in the order given. */
  public List<ServiceNumber> serviceNumbers() {
    return serviceNumbers;
  }

  /** The service number whose main port is exactly {@code port}. */
  public Optional<ServiceNumber> serviceNumber(String port) {
    Entry entry = port == null ? null : byPort.get(port);
    return entry == null ? Optional.empty() : Optional.of(entry.number);
  }

  /**
   * The service number with the longest port that prefixes {@code destination}, the extension after
   * it and the route of that extension. Empty if the destination is null, not all digits, longer
   * than {@link ShortCode#MAX_DESTINATION_DIGITS}, or under no configured port.
   */
  public Optional<ShortCode> resolve(String destination) {
    if (destination == null
        || destination.length() > ShortCode.MAX_DESTINATION_DIGITS
        || !Digits.isDigits(destination)) {
      return Optional.empty();
    }
    for (int length : portLengths) {
      if (length > destination.length()) {
        continue;
      }
      Entry entry =
          byPort.get(
              length == destination.length() ? destination : destination.substring(0, length));
      if (entry != null) {
        String extension = destination.substring(length);
        return Optional.of(
            new ShortCode(destination, entry.number, extension, entry.route(extension)));
      }
    }
    return Optional.empty();
  }

  private static int[] descending(TreeSet<Integer> lengths) {
    return lengths.descendingSet().stream().mapToInt(Integer::intValue).toArray();
  }

  /** A service number with its routes indexed by extension. */
  private static final class Entry {
    final ServiceNumber number;
    final Map<String, ExtensionRoute> routes = new HashMap<>();
    final int[] extensionLengths;

    Entry(ServiceNumber number) {
      this.number = number;
      TreeSet<Integer> lengths = new TreeSet<>();
      for (ExtensionRoute route : number.routes()) {
        routes.put(route.extension(), route);
        lengths.add(route.extension().length());
      }
      this.extensionLengths = descending(lengths);
    }

    Optional<ExtensionRoute> route(String extension) {
      for (int length : extensionLengths) {
        if (length <= extension.length()) {
          ExtensionRoute route =
              routes.get(length == extension.length() ? extension : extension.substring(0, length));
          if (route != null) {
            return Optional.of(route);
          }
        }
      }
      return Optional.empty();
    }
  }
}
