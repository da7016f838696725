package io.vasgate.loadtest.server;

/** An SMPP server started for a benchmark, listening on 127.0.0.1. */
public interface BenchmarkServer extends AutoCloseable {

  /** The one account every benchmark server accepts (the demo account of conf/gateway.yaml). */
  String SYSTEM_ID = "demo";

  /** Its password. */
  String PASSWORD = "demo";

  /** The address every benchmark server listens on: never the network. */
  String HOST = "127.0.0.1";

  /** The port it listens on. */
  int port();

  /** Stops it; never throws. */
  @Override
  void close();
}
