package io.vasgate.sms;

/**
 * Application port addressing (IEI 0x04 with 8-bit ports, IEI 0x05 with 16-bit ports), e.g. for WAP
 * push.
 */
public record PortAddressing(int destinationPort, int originatorPort, boolean sixteenBit) {

  /** IEI of application port addressing with 8-bit ports. */
  public static final int IEI_8_BIT = 0x04;

  /** IEI of application port addressing with 16-bit ports. */
  public static final int IEI_16_BIT = 0x05;

  public PortAddressing {
    int max = sixteenBit ? 0xFFFF : 0xFF;
    if (destinationPort < 0
        || destinationPort > max
        || originatorPort < 0
        || originatorPort > max) {
      throw new IllegalArgumentException(
          "ports must be 0.." + max + ", were " + destinationPort + " and " + originatorPort);
    }
  }
}
