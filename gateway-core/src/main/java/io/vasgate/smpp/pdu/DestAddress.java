package io.vasgate.smpp.pdu;

/**
 * One dest_address of a submit_multi (SMPP 3.4 section 4.5.1.1): an SME address (dest_flag 1) or
 * the name of a distribution list held by the SMSC (dest_flag 2).
 */
public sealed interface DestAddress {

  /** dest_flag announcing an SME address. */
  byte SME_ADDRESS_FLAG = 1;

  /** dest_flag announcing a distribution list name. */
  byte DISTRIBUTION_LIST_FLAG = 2;

  /** The dest_flag that precedes this destination on the wire. */
  byte destFlag();

  /** An SME address destination. */
  static Sme sme(Address address) {
    return new Sme(address);
  }

  /** A distribution list destination. */
  static DistributionList distributionList(String name) {
    return new DistributionList(name);
  }

  /** An SME address, at most {@link SmppLimits#MAX_SM_ADDRESS_LENGTH} octets. */
  record Sme(Address address) implements DestAddress {

    public Sme {
      address = Fields.address(address, "destination_addr", SmppLimits.MAX_SM_ADDRESS_LENGTH);
    }

    @Override
    public byte destFlag() {
      return SME_ADDRESS_FLAG;
    }
  }

  /** A distribution list name, at most {@link SmppLimits#MAX_DL_NAME_LENGTH} octets. */
  record DistributionList(String name) implements DestAddress {

    public DistributionList {
      name = Fields.cString(name, "dl_name", SmppLimits.MAX_DL_NAME_LENGTH);
    }

    @Override
    public byte destFlag() {
      return DISTRIBUTION_LIST_FLAG;
    }
  }
}
