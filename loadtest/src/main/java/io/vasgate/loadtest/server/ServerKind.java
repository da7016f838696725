package io.vasgate.loadtest.server;

import java.util.Locale;

/** The SMPP servers the benchmark compares, each run in its own JVM by its main class. */
public enum ServerKind {
  VASGATE("vasgate", VasgateServerMain.class, "vasgate gateway-core (Netty 4.2, embedded MariaDB)"),
  CLOUDHOPPER(
      "cloudhopper",
      CloudhopperServerMain.class,
      "Cloudhopper ch-smpp 5.0.9 DefaultSmppServer (Netty 3, NIO)"),
  JSMPP("jsmpp", JsmppServerMain.class, "jSMPP 3.0.1 SMPPServerSessionListener (blocking sockets)");

  private final String id;
  private final Class<?> mainClass;
  private final String description;

  ServerKind(String id, Class<?> mainClass, String description) {
    this.id = id;
    this.mainClass = mainClass;
    this.description = description;
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
    return this == VASGATE;
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
        "unknown server '" + id + "'; known: vasgate, cloudhopper, jsmpp");
  }
}
