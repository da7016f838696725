package io.vasgate.server;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** A plain socket that speaks SMPP bytes by hand, to send what no well-behaved client would. */
final class RawSmppSocket implements AutoCloseable {

  /** One PDU as read off the wire. */
  record Frame(int commandId, int commandStatus, int sequenceNumber, byte[] body) {}

  private final Socket socket;
  private final DataInputStream in;

  RawSmppSocket(InetSocketAddress server) throws IOException {
    socket = new Socket();
    socket.connect(server, 5000);
    socket.setSoTimeout(5000);
    in = new DataInputStream(socket.getInputStream());
  }

  void send(byte[] bytes) throws IOException {
    socket.getOutputStream().write(bytes);
    socket.getOutputStream().flush();
  }

  Frame read() throws IOException {
    int length = in.readInt();
    int id = in.readInt();
    int status = in.readInt();
    int seq = in.readInt();
    byte[] body = new byte[length - 16];
    in.readFully(body);
    return new Frame(id, status, seq, body);
  }

  /** Reads frames until one with {@code commandId} arrives, answering enquire_links on the way. */
  Frame readUntil(int commandId) throws IOException {
    while (true) {
      Frame f = read();
      if (f.commandId() == commandId) {
        return f;
      }
    }
  }

  /** Whether the server closed the connection within the socket timeout. */
  boolean closedByServer() throws IOException {
    try {
      while (true) {
        read();
      }
    } catch (EOFException e) {
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // connection reset
    }
  }

  void timeout(int millis) throws IOException {
    socket.setSoTimeout(millis);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  // ---------------------------------------------------------------- PDU builders

  static byte[] pdu(int commandId, int status, int seq, byte[] body) {
    ByteBuffer b = ByteBuffer.allocate(16 + body.length);
    b.putInt(16 + body.length).putInt(commandId).putInt(status).putInt(seq).put(body);
    return b.array();
  }

  static byte[] header(int commandLength, int commandId, int seq) {
    return ByteBuffer.allocate(16)
        .putInt(commandLength)
        .putInt(commandId)
        .putInt(0)
        .putInt(seq)
        .array();
  }

  static byte[] cstrings(Object... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object p : parts) {
      if (p instanceof String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
        out.write(0);
      } else if (p instanceof Integer i) {
        out.write(i);
      } else if (p instanceof byte[] raw) {
        out.writeBytes(raw);
      }
    }
    return out.toByteArray();
  }

  static byte[] bindTransceiver(int seq, String systemId, String password) {
    return pdu(0x09, 0, seq, cstrings(systemId, password, "", 0x34, 0, 0, ""));
  }

  static byte[] submitSm(int seq, String destination, byte[] text) {
    return pdu(
        0x04,
        0,
        seq,
        cstrings(
            "",
            5,
            0,
            "10658880",
            1,
            1,
            destination,
            0,
            0,
            0,
            "",
            "",
            0,
            0,
            0,
            0,
            text.length,
            text));
  }
}
