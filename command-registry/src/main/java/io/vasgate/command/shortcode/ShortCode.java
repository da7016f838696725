package io.vasgate.command.shortcode;

import java.util.Objects;
import java.util.Optional;

/**
 * A destination number split into the service number it belongs to and the extension digits after
 * its port: {@code 1065888002} is port {@code 10658880}, extension {@code 02}.
 *
 * @param destination the whole destination the MO was sent to
 * @param serviceNumber the service number with the longest port that prefixes the destination
 * @param extension the digits after the port; empty when the MO went to the bare port
 * @param route the route of the longest configured extension prefixing {@code extension}, if any
 */
public record ShortCode(
    String destination,
    ServiceNumber serviceNumber,
    String extension,
    Optional<ExtensionRoute> route) {

  /**
   * Longest destination address, in digits: SMPP 3.4 {@code destination_addr} is at most 21 octets
   * including the terminating NUL.
   */
  public static final int MAX_DESTINATION_DIGITS = 20;

  public ShortCode {
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(serviceNumber, "serviceNumber");
    Objects.requireNonNull(extension, "extension");
    Objects.requireNonNull(route, "route");
    String port = serviceNumber.port();
    if (destination.length() != port.length() + extension.length()
        || !destination.startsWith(port)
        || !destination.endsWith(extension)) {
      throw new IllegalArgumentException(
          "destination "
              + destination
              + " is not port "
              + serviceNumber.port()
              + " followed by extension '"
              + extension
              + "'");
    }
    if (route.isPresent() && !extension.startsWith(route.get().extension())) {
      throw new IllegalArgumentException(
          "route " + route.get().describe() + " does not match extension '" + extension + "'");
    }
  }

  /** The main port of the service number. */
  public String port() {
    return serviceNumber.port();
  }
}
