package io.vasgate.smpp.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.vasgate.smpp.pdu.Address;
import io.vasgate.smpp.pdu.DataSm;
import io.vasgate.smpp.pdu.Pdu;
import io.vasgate.smpp.pdu.ShortMessagePdu;
import io.vasgate.smpp.pdu.Tlv;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jsmpp.bean.AbstractSmCommand;
import org.jsmpp.bean.Command;
import org.jsmpp.bean.MessageRequest;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.util.DefaultComposer;
import org.jsmpp.util.DefaultDecomposer;

/** jSMPP 3.0.1 as a reference peer: its composer, decomposer and conversions to our types. */
final class JsmppPeer {

  static final DefaultComposer COMPOSER = new DefaultComposer();
  static final DefaultDecomposer DECOMPOSER = new DefaultDecomposer();

  private JsmppPeer() {}

  static byte[] encode(Pdu pdu) {
    return SmppPduCodec.encodeToBytes(pdu);
  }

  /** jSMPP's bytes are exactly ours, and we decode them to the same PDU. */
  static void assertSameWire(byte[] theirs, Pdu ours) {
    assertThat(Wire.hex(theirs)).isEqualTo(Wire.hex(encode(ours)));
    assertThat(SmppPduCodec.decode(theirs)).isEqualTo(new DecodeResult.Decoded(ours));
  }

  static String str(String jsmppString) {
    return Objects.toString(jsmppString, "");
  }

  static OptionalParameter[] toJsmpp(List<Tlv> tlvs) {
    return tlvs.stream()
        .map(t -> new OptionalParameter.OctetString(t.tag(), t.value()))
        .toArray(OptionalParameter[]::new);
  }

  /** jSMPP's parsed TLVs back as raw tag/value pairs via their own serialisation. */
  static List<Tlv> fromJsmpp(OptionalParameter[] params) {
    List<Tlv> tlvs = new ArrayList<>();
    for (OptionalParameter p : params == null ? new OptionalParameter[0] : params) {
      byte[] raw = p.serialize();
      short tag = (short) (((raw[0] & 0xFF) << 8) | (raw[1] & 0xFF));
      tlvs.add(new Tlv(tag, Arrays.copyOfRange(raw, 4, raw.length)));
    }
    return tlvs;
  }

  static void assertHeader(Command theirs, Pdu ours) {
    assertThat(theirs.getCommandId()).isEqualTo(ours.commandId().code());
    assertThat(theirs.getCommandStatus()).isEqualTo(ours.commandStatus());
    assertThat(theirs.getSequenceNumber()).isEqualTo(ours.sequenceNumber());
    assertThat(theirs.getCommandLength()).isEqualTo(encode(ours).length);
  }

  static void assertAddress(byte ton, byte npi, String address, Address ours) {
    assertThat(new Address(ton, npi, str(address))).isEqualTo(ours);
  }

  static void assertMessageFields(MessageRequest theirs, ShortMessagePdu ours) {
    assertThat(str(theirs.getServiceType())).isEqualTo(ours.serviceType());
    assertAddress(
        theirs.getSourceAddrTon(),
        theirs.getSourceAddrNpi(),
        theirs.getSourceAddr(),
        ours.source());
    assertAddress(
        theirs.getDestAddrTon(),
        theirs.getDestAddrNpi(),
        theirs.getDestAddress(),
        ours.destination());
    assertThat(theirs.getEsmClass()).isEqualTo(ours.esmClass());
    assertThat(theirs.getProtocolId()).isEqualTo(ours.protocolId());
    assertThat(theirs.getPriorityFlag()).isEqualTo(ours.priorityFlag());
    assertThat(str(theirs.getScheduleDeliveryTime())).isEqualTo(ours.scheduleDeliveryTime());
    assertThat(str(theirs.getValidityPeriod())).isEqualTo(ours.validityPeriod());
    assertThat(theirs.getRegisteredDelivery()).isEqualTo(ours.registeredDelivery());
    assertThat(theirs.getReplaceIfPresent()).isEqualTo(ours.replaceIfPresentFlag());
    assertThat(theirs.getDataCoding()).isEqualTo(ours.dataCoding());
    assertThat(theirs.getSmDefaultMsgId()).isEqualTo(ours.smDefaultMsgId());
    assertThat(theirs.getShortMessage()).isEqualTo(ours.shortMessage());
    assertThat(fromJsmpp(theirs.getOptionalParameters())).isEqualTo(ours.tlvs());
  }

  static void assertDataFields(AbstractSmCommand theirs, DataSm ours) {
    assertThat(str(theirs.getServiceType())).isEqualTo(ours.serviceType());
    assertAddress(
        theirs.getSourceAddrTon(),
        theirs.getSourceAddrNpi(),
        theirs.getSourceAddr(),
        ours.source());
    assertAddress(
        theirs.getDestAddrTon(),
        theirs.getDestAddrNpi(),
        theirs.getDestAddress(),
        ours.destination());
    assertThat(theirs.getEsmClass()).isEqualTo(ours.esmClass());
    assertThat(theirs.getRegisteredDelivery()).isEqualTo(ours.registeredDelivery());
    assertThat(theirs.getDataCoding()).isEqualTo(ours.dataCoding());
    assertThat(fromJsmpp(theirs.getOptionalParameters())).isEqualTo(ours.tlvs());
  }
}
