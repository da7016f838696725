package io.vasgate.app;

import com.cloudhopper.smpp.SmppBindType;
import com.cloudhopper.smpp.SmppSession;
import com.cloudhopper.smpp.SmppSessionConfiguration;
import com.cloudhopper.smpp.impl.DefaultSmppClient;
import com.cloudhopper.smpp.impl.DefaultSmppSessionHandler;
import com.cloudhopper.smpp.pdu.DeliverSm;
import com.cloudhopper.smpp.pdu.PduRequest;
import com.cloudhopper.smpp.pdu.PduResponse;
import com.cloudhopper.smpp.pdu.SubmitSm;
import com.cloudhopper.smpp.pdu.SubmitSmResp;
import com.cloudhopper.smpp.type.Address;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The operator's MO router as a test sees it: a Cloudhopper transceiver that submits handset
 * messages and collects the replies the gateway delivers, put back together when long.
 */
public final class MoSourceClient implements AutoCloseable {

  /** A reply as the handset would read it. */
  public record Reply(String from, String to, String text, int parts) {}

  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final DefaultSmppClient client = new DefaultSmppClient(executor, 1);
  private final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
  private final Map<String, byte[][]> pending = new HashMap<>();
  private final SmppSession session;
  private final java.util.concurrent.atomic.AtomicInteger references =
      new java.util.concurrent.atomic.AtomicInteger();

  public MoSourceClient(int port, String systemId, String password) throws Exception {
    SmppSessionConfiguration config = new SmppSessionConfiguration();
    config.setType(SmppBindType.TRANSCEIVER);
    config.setHost("127.0.0.1");
    config.setPort(port);
    config.setSystemId(systemId);
    config.setPassword(password);
    config.setWindowSize(50);
    config.setConnectTimeout(5000);
    config.setBindTimeout(5000);
    config.getLoggingOptions().setLogBytes(false);
    config.getLoggingOptions().setLogPdu(false);
    session =
        client.bind(
            config,
            new DefaultSmppSessionHandler() {
              @Override
              public PduResponse firePduRequestReceived(PduRequest request) {
                if (request instanceof DeliverSm deliver) {
                  collect(deliver);
                }
                return request.createResponse();
              }
            });
  }

  /**
   * Submits what a handset typed, numbered with a fresh user_message_reference as MO routers number
   * their messages; returns the gateway's submit_sm_resp.
   */
  public SubmitSmResp send(String from, String to, String text) throws Exception {
    return send(from, to, text, references.incrementAndGet());
  }

  /** Submits with a given user_message_reference, e.g. to re-send one already sent. */
  public SubmitSmResp send(String from, String to, String text, int reference) throws Exception {
    SubmitSm sm = submitSm(from, to, text);
    sm.addOptionalParameter(
        new com.cloudhopper.smpp.tlv.Tlv(
            (short) 0x0204, new byte[] {(byte) (reference >> 8), (byte) reference}));
    return session.submit(sm, 10_000);
  }

  /** Submits with no peer reference at all: only the content identifies a re-send. */
  public SubmitSmResp sendUnnumbered(String from, String to, String text) throws Exception {
    return session.submit(submitSm(from, to, text), 10_000);
  }

  private static SubmitSm submitSm(String from, String to, String text) throws Exception {
    SubmitSm sm = new SubmitSm();
    sm.setSourceAddress(new Address((byte) 1, (byte) 1, from));
    sm.setDestAddress(new Address((byte) 0, (byte) 1, to));
    boolean ascii = StandardCharsets.US_ASCII.newEncoder().canEncode(text);
    sm.setDataCoding(ascii ? (byte) 0 : (byte) 8);
    sm.setShortMessage(
        text.getBytes(ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_16BE));
    return sm;
  }

  /** Submits raw octets with a given data coding and esm_class. */
  public SubmitSmResp sendRaw(String from, String to, int dataCoding, int esmClass, byte[] octets)
      throws Exception {
    SubmitSm sm = new SubmitSm();
    sm.setSourceAddress(new Address((byte) 1, (byte) 1, from));
    sm.setDestAddress(new Address((byte) 0, (byte) 1, to));
    sm.setDataCoding((byte) dataCoding);
    sm.setEsmClass((byte) esmClass);
    sm.setShortMessage(octets);
    return session.submit(sm, 10_000);
  }

  /**
   * Sends {@code text} from {@code handset} and waits up to {@code wait} for the gateway's reply.
   *
   * @return the MO's id, the message_id the gateway answered the submit with
   * @throws AssertionError if the submit is refused or no reply comes
   */
  public String say(String handset, String to, String text, Duration wait) throws Exception {
    SubmitSmResp resp = send(handset, to, text);
    if (resp.getCommandStatus() != 0) {
      throw new AssertionError("'" + text + "' refused with status " + resp.getCommandStatus());
    }
    Reply reply = nextReply(wait);
    if (reply == null || !reply.to().equals(handset)) {
      throw new AssertionError("no reply to '" + text + "' for " + handset + ", got " + reply);
    }
    return resp.getMessageId();
  }

  /** The next whole reply, or null if none came within {@code wait}. */
  public Reply nextReply(Duration wait) throws InterruptedException {
    return replies.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Every reply that arrives within {@code wait}. */
  public List<Reply> drain(Duration wait) throws InterruptedException {
    List<Reply> all = new ArrayList<>();
    Reply r;
    while ((r = replies.poll(wait.toMillis(), TimeUnit.MILLISECONDS)) != null) {
      all.add(r);
    }
    return all;
  }

  private synchronized void collect(DeliverSm deliver) {
    byte[] sm = deliver.getShortMessage();
    String from = deliver.getSourceAddress().getAddress();
    String to = deliver.getDestAddress().getAddress();
    if ((deliver.getEsmClass() & 0x40) == 0) {
      replies.add(new Reply(from, to, decode(deliver.getDataCoding(), sm), 1));
      return;
    }
    // 05 00 03 ref total seq: the only UDH the gateway writes by default.
    int ref = sm[3] & 0xFF;
    int total = sm[4] & 0xFF;
    int seq = sm[5] & 0xFF;
    String key = to + "/" + ref;
    byte[][] parts = pending.computeIfAbsent(key, k -> new byte[total][]);
    parts[seq - 1] = java.util.Arrays.copyOfRange(sm, 6, sm.length);
    for (byte[] p : parts) {
      if (p == null) {
        return;
      }
    }
    pending.remove(key);
    ByteArrayOutputStream whole = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      whole.writeBytes(p);
    }
    replies.add(new Reply(from, to, decode(deliver.getDataCoding(), whole.toByteArray()), total));
  }

  private static String decode(byte dataCoding, byte[] octets) {
    return dataCoding == 8
        ? new String(octets, StandardCharsets.UTF_16BE)
        : new String(octets, StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() {
    try {
      session.unbind(2000);
    } finally {
      session.destroy();
      client.destroy();
      executor.shutdownNow();
    }
  }
}
