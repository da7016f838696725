package io.vasgate.smpp.pdu;

/**
 * One unsuccess_sme of a submit_multi_resp (SMPP 3.4 section 4.5.2.1): a destination the SMSC could
 * not accept, with the command_status explaining why.
 */
public record UnsuccessSme(Address address, int errorStatusCode) {

  /**
   * @throws IllegalArgumentException if the address exceeds {@link
   *     SmppLimits#MAX_SM_ADDRESS_LENGTH}
   */
  public UnsuccessSme {
    address = Fields.address(address, "destination_addr", SmppLimits.MAX_SM_ADDRESS_LENGTH);
  }
}
