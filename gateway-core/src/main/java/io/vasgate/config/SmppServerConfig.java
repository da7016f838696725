package io.vasgate.config;

import java.time.Duration;

/**
 * The SMPP listener and the timers every session runs on.
 *
 * @param host the address to bind, 127.0.0.1 by default so a demo never listens on the network
 * @param port the TCP port, 0 for any free one (tests)
 * @param maxPduSize the largest command_length accepted; larger frames are refused and the
 *     connection closed, since the stream can no longer be trusted
 * @param bindTimeout how long a connection may stay unbound before it is closed
 * @param enquireLinkInterval idle time after which the server probes a bound session
 * @param responseTimeout how long the server waits for an ESME's answer to its own request
 * @param unbindTimeout how long an unbind may wait for unbind_resp before the socket is closed
 * @param defaultWindowSize outstanding requests per session when the account does not say
 * @param ioThreads event-loop threads, 0 for Netty's default (twice the cores)
 * @param busyPollMicros how long an event loop keeps polling for I/O without blocking after it was
 *     last busy, in microseconds (epoll only); 0 blocks at once, as Netty does by default. Saves
 *     the wake-up of an idle vCPU between a peer's request batches, at the price of that much CPU
 * @param flushFirst responses to a burst of requests that go out in the burst's first write; each
 *     later write while the burst is read holds twice as many, up to {@code flushAfter} (which also
 *     caps this one). Small so that a peer with a small window gets answers to send more on while
 *     the rest are handled
 * @param flushAfter the most responses of a burst of requests sent together (one write syscall);
 *     the rest of a burst goes out when the read ends. 1 sends each response at once
 */
public record SmppServerConfig(
    String host,
    int port,
    int maxPduSize,
    Duration bindTimeout,
    Duration enquireLinkInterval,
    Duration responseTimeout,
    Duration unbindTimeout,
    int defaultWindowSize,
    int ioThreads,
    int busyPollMicros,
    int flushFirst,
    int flushAfter) {

  /** Chosen by measurement; see {@code smpp.flushAfter} in the README. */
  static final int DEFAULT_FLUSH_AFTER = 256;

  /** Chosen by measurement; see {@code smpp.flushFirst} in the README. */
  static final int DEFAULT_FLUSH_FIRST = 2;

  /** Chosen by measurement; see {@code smpp.busyPollMicros} in the README. */
  static final int DEFAULT_BUSY_POLL_MICROS = 100;

  /** Polling longer than this no longer bridges a gap between batches; it only burns a core. */
  static final int MAX_BUSY_POLL_MICROS = 1000;

  static SmppServerConfig from(ConfigNode n) {
    return new SmppServerConfig(
        n.string("host", "127.0.0.1"),
        n.integer("port", 2775, 0, 65535),
        n.integer("maxPduSize", 64 * 1024, 1024, 1024 * 1024),
        n.duration(
            "bindTimeout", Duration.ofSeconds(10), Duration.ofMillis(100), Duration.ofMinutes(10)),
        n.duration(
            "enquireLinkInterval",
            Duration.ofSeconds(30),
            Duration.ofMillis(100),
            Duration.ofHours(1)),
        n.duration(
            "responseTimeout",
            Duration.ofSeconds(10),
            Duration.ofMillis(100),
            Duration.ofMinutes(10)),
        n.duration(
            "unbindTimeout", Duration.ofSeconds(5), Duration.ofMillis(100), Duration.ofMinutes(5)),
        n.integer("defaultWindowSize", 100, 1, 10_000),
        n.integer("ioThreads", 0, 0, 256),
        n.integer("busyPollMicros", DEFAULT_BUSY_POLL_MICROS, 0, MAX_BUSY_POLL_MICROS),
        n.integer("flushFirst", DEFAULT_FLUSH_FIRST, 1, 4096),
        n.integer("flushAfter", DEFAULT_FLUSH_AFTER, 1, 4096));
  }
}
