package io.vasgate.smpp.pdu;

/**
 * Bits of the esm_class octet (SMPP 3.4 section 5.2.12): messaging mode in bits 1-0, message type
 * in bits 5-2, GSM network features in bits 7-6.
 */
public final class EsmClass {

  /** Bits 1-0: the messaging mode (submit_sm only). */
  public static final int MESSAGING_MODE_MASK = 0x03;

  /** Store-and-forward mode, the SMSC default. */
  public static final int STORE_AND_FORWARD_MODE = 0x03;

  /** Datagram mode. */
  public static final int DATAGRAM_MODE = 0x01;

  /** Forward (transaction) mode. */
  public static final int FORWARD_MODE = 0x02;

  /** Bits 5-2: the message type. */
  public static final int MESSAGE_TYPE_MASK = 0x3C;

  /** In deliver_sm: the short message is an SMSC delivery receipt. */
  public static final int SMSC_DELIVERY_RECEIPT = 0x04;

  /** In deliver_sm: an SME delivery acknowledgement. */
  public static final int SME_DELIVERY_ACK = 0x08;

  /** In deliver_sm: an SME manual/user acknowledgement. */
  public static final int SME_MANUAL_ACK = 0x10;

  /** In deliver_sm: conversation abort (Korean CDMA). */
  public static final int CONVERSATION_ABORT = 0x18;

  /** In deliver_sm: an intermediate delivery notification. */
  public static final int INTERMEDIATE_DELIVERY_NOTIFICATION = 0x20;

  /** Bit 6: the short message starts with a user data header (long messages, ports). */
  public static final int UDHI = 0x40;

  /** Bit 7: reply path. */
  public static final int REPLY_PATH = 0x80;

  private EsmClass() {}

  /**
   * Whether a deliver_sm with this esm_class is a receipt-like notification rather than a mobile
   * originated message: any of bits 5-2 set. SMSCs differ in which of these they use for plain
   * delivery receipts, so all of them count.
   */
  public static boolean isReceiptLike(byte esmClass) {
    return (esmClass & MESSAGE_TYPE_MASK) != 0;
  }

  /** Whether the UDHI bit is set. */
  public static boolean hasUdhi(byte esmClass) {
    return (esmClass & UDHI) != 0;
  }
}
