package io.vasgate.loadtest.server;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The SMPP servers the benchmark compares, each run in its own JVM by its main class. */
public enum ServerKind {
  VASGATE("vasgate", VasgateServerMain.class, "vasgate gateway-core (Netty 4.2, embedded MariaDB)"),
  /** The gateway with epoll busy polling switched off, to measure what the polling buys. */
  VASGATE_NO_POLL(
      "vasgate-nopoll",
      VasgateServerMain.class,
      "vasgate gateway-core with smpp.busyPollMicros 0 (event loops block at once when idle)",
      List.of("smpp.busyPollMicros=0")),
  CLOUDHOPPER(
      "cloudhopper",
      CloudhopperServerMain.class,
      "Cloudhopper ch-smpp 5.0.9 DefaultSmppServer (Netty 3, NIO)"),
  JSMPP("jsmpp", JsmppServerMain.class, "jSMPP 3.0.1 SMPPServerSessionListener (blocking sockets)");

  private final String id;
  private final Class<?> mainClass;
  private final String description;
  private final List<String> fixedSettings;

  ServerKind(String id, Class<?> mainClass, String description) {
    this(id, mainClass, description, List.of());
  }

  ServerKind(String id, Class<?> mainClass, String description, List<String> fixedSettings) {
    this.id = id;
    this.mainClass = mainClass;
    this.description = description;
    this.fixedSettings = fixedSettings;
  }

  /** The name used on the command line and in reports. */
  public String id() {
    return id;
  }

  public Class<?> mainClass() {
    return mainClass;
  }

  public String description() {
    return description;
  }

  /** Whether the server needs a data directory argument (the gateway's embedded MariaDB). */
  public boolean needsDataDir() {
    return this == VASGATE || this == VASGATE_NO_POLL;
  }

  /**
   * The arguments after the data directory: for the gateway kinds, {@code gatewaySettings} (each
   * {@code smpp.key=value}) and then the kind's own, which win; nothing for the other servers.
   */
  public List<String> arguments(List<String> gatewaySettings) {
    if (!needsDataDir()) {
      return List.of();
    }
    List<String> all = new ArrayList<>(gatewaySettings);
    all.addAll(fixedSettings);
    return List.copyOf(all);
  }

  /**
   * @throws IllegalArgumentException naming the known servers if {@code id} is none of them
   */
  public static ServerKind of(String id) {
    for (ServerKind kind : values()) {
      if (kind.id.equals(id.trim().toLowerCase(Locale.ROOT))) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "unknown server '"
            + id
            + "'; known: "
            + String.join(", ", Arrays.stream(values()).map(ServerKind::id).toList()));
  }
}
