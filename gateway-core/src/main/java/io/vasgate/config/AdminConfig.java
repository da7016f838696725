package io.vasgate.config;

/**
 * The operations HTTP port: health, metrics and the admin API.
 *
 * @param host the address to bind
 * @param port the TCP port, 0 for any free one (tests)
 */
public record AdminConfig(String host, int port) {

  static AdminConfig from(ConfigNode n) {
    return new AdminConfig(n.string("host", "127.0.0.1"), n.integer("port", 8080, 0, 65535));
  }
}
