package io.vasgate.smpp.codec;

import static io.vasgate.smpp.codec.CloudhopperPdus.fromCloudhopper;
import static io.vasgate.smpp.codec.CloudhopperPdus.toCloudhopper;
import static org.assertj.core.api.Assertions.assertThat;

import io.vasgate.smpp.pdu.Address;
import io.vasgate.smpp.pdu.BindResp;
import io.vasgate.smpp.pdu.BindType;
import io.vasgate.smpp.pdu.CancelSmResp;
import io.vasgate.smpp.pdu.DataSmResp;
import io.vasgate.smpp.pdu.DeliverSm;
import io.vasgate.smpp.pdu.DeliverSmResp;
import io.vasgate.smpp.pdu.EnquireLink;
import io.vasgate.smpp.pdu.EnquireLinkResp;
import io.vasgate.smpp.pdu.GenericNack;
import io.vasgate.smpp.pdu.Pdu;
import io.vasgate.smpp.pdu.ReplaceSmResp;
import io.vasgate.smpp.pdu.SmppLimits;
import io.vasgate.smpp.pdu.SubmitSmResp;
import io.vasgate.smpp.pdu.Tlv;
import io.vasgate.smpp.pdu.TlvTag;
import io.vasgate.smpp.pdu.Unbind;
import io.vasgate.smpp.pdu.UnbindResp;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Differential tests against Cloudhopper ch-smpp 5.0.9 for every PDU type it knows (all but outbind
 * and submit_multi): its transcoder writes exactly our bytes for the same fields, decodes our bytes
 * to the same fields, and we decode its bytes to the same PDU.
 */
class CloudhopperDifferentialTest {

  private final PduArbitraries latin1 = PduArbitraries.latin1();

  /**
   * Every type Cloudhopper supports, with random fields. Refusals of bind and submit_sm without a
   * body are left out here: Cloudhopper writes an empty C-string where the specification omits the
   * body (see the dedicated tests below).
   */
  @Provide
  Arbitrary<Pdu> cloudhopperPdus() {
    Arbitrary<Integer> seq = PduArbitraries.sequenceNumbers();
    Arbitrary<Integer> status = PduArbitraries.statuses();
    Arbitrary<String> messageId = latin1.cString(SmppLimits.MAX_MESSAGE_ID_LENGTH);
    Arbitrary<List<Tlv>> tlvs = PduArbitraries.tlvLists();
    return Arbitraries.oneOf(
        latin1.bind(),
        latin1.bindResp().filter(r -> r.isOk() || !r.systemId().isEmpty() || !r.tlvs().isEmpty()),
        seq.map(Unbind::new),
        Combinators.combine(status, seq).as(UnbindResp::new),
        seq.map(EnquireLink::new),
        Combinators.combine(status, seq).as(EnquireLinkResp::new),
        Combinators.combine(status, seq).as(GenericNack::new),
        latin1.submitSm(),
        Combinators.combine(seq, messageId, tlvs).as((s, id, t) -> new SubmitSmResp(0, s, id, t)),
        latin1.deliverSm(),
        Combinators.combine(status, seq, messageId, tlvs).as(DeliverSmResp::new),
        latin1.dataSm(SmppLimits.MAX_LONG_ADDRESS_LENGTH),
        Combinators.combine(status, seq, messageId, tlvs).as(DataSmResp::new),
        latin1.querySm(),
        latin1.querySmResp(),
        latin1.cancelSm(),
        Combinators.combine(status, seq).as(CancelSmResp::new),
        latin1.replaceSm(),
        Combinators.combine(status, seq).as(ReplaceSmResp::new),
        latin1.alertNotification(SmppLimits.MAX_LONG_ADDRESS_LENGTH));
  }

  @Property(tries = 1000)
  void cloudhopperWritesExactlyOurBytes(@ForAll("cloudhopperPdus") Pdu ours) throws Exception {
    byte[] theirs = CloudhopperPdus.encode(toCloudhopper(ours));

    assertThat(Wire.hex(theirs)).isEqualTo(Wire.hex(SmppPduCodec.encodeToBytes(ours)));
    assertThat(SmppPduCodec.decode(theirs)).isEqualTo(new DecodeResult.Decoded(ours));
  }

  @Property(tries = 1000)
  void cloudhopperReadsOurBytesAsTheSameFields(@ForAll("cloudhopperPdus") Pdu ours)
      throws Exception {
    com.cloudhopper.smpp.pdu.Pdu theirs = CloudhopperPdus.decode(SmppPduCodec.encodeToBytes(ours));

    assertThat(theirs.getCommandId()).isEqualTo(ours.commandId().code());
    assertThat(theirs.getCommandLength()).isEqualTo(SmppPduCodec.encodeToBytes(ours).length);
    assertThat(fromCloudhopper(theirs)).isEqualTo(ours);
  }

  @Test
  void cloudhopperReadsOurRefusedBindRespWithoutBody() throws Exception {
    BindResp ours = new BindResp(BindType.TRANSMITTER, 0x0D, 12, "", List.of());

    com.cloudhopper.smpp.pdu.Pdu theirs = CloudhopperPdus.decode(SmppPduCodec.encodeToBytes(ours));

    assertThat(theirs.getCommandStatus()).isEqualTo(0x0D);
    assertThat(theirs.getSequenceNumber()).isEqualTo(12);
    assertThat(fromCloudhopper(theirs)).isEqualTo(ours);
  }

  @Test
  void weReadCloudhoppersRefusalsThatCarryAnEmptyBody() throws Exception {
    for (Pdu refusal :
        List.<Pdu>of(
            new BindResp(BindType.TRANSCEIVER, 0x0E, 3, "", List.of()),
            new SubmitSmResp(0x58, 4, ""))) {
      byte[] theirs = CloudhopperPdus.encode(toCloudhopper(refusal));

      assertThat(theirs).hasSize(17);
      assertThat(SmppPduCodec.decode(theirs)).isEqualTo(new DecodeResult.Decoded(refusal));
    }
  }

  @Test
  void cloudhopperReadsOurThrottledSubmitSmRespWithoutBody() throws Exception {
    SubmitSmResp ours = new SubmitSmResp(0x58, 44, "");

    com.cloudhopper.smpp.pdu.Pdu theirs = CloudhopperPdus.decode(SmppPduCodec.encodeToBytes(ours));

    assertThat(theirs.getCommandStatus()).isEqualTo(0x58);
    assertThat(fromCloudhopper(theirs)).isEqualTo(ours);
  }

  @Test
  void cloudhopperReadsTheDeliveryReceiptWeEncode() throws Exception {
    String text =
        "id:0123456789 sub:001 dlvrd:001 submit date:2501011200 done date:2501011201"
            + " stat:DELIVRD err:000 text:";
    DeliverSm ours =
        DeliverSm.builder()
            .sequenceNumber(8)
            .source(Address.international("8613800138000"))
            .destination(Address.national("10658880"))
            .esmClass(0x04)
            .shortMessage(text.getBytes(StandardCharsets.US_ASCII))
            .tlv(Tlv.ofCString(TlvTag.RECEIPTED_MESSAGE_ID, "0123456789"))
            .tlv(Tlv.ofUint8(TlvTag.MESSAGE_STATE, 2))
            .tlv(new Tlv(TlvTag.NETWORK_ERROR_CODE, new byte[] {3, 0, 0}))
            .build();

    com.cloudhopper.smpp.pdu.DeliverSm theirs =
        (com.cloudhopper.smpp.pdu.DeliverSm)
            CloudhopperPdus.decode(SmppPduCodec.encodeToBytes(ours));

    assertThat(theirs.getEsmClass()).isEqualTo((byte) 0x04);
    assertThat(new String(theirs.getShortMessage(), StandardCharsets.US_ASCII)).isEqualTo(text);
    assertThat(theirs.getOptionalParameter(TlvTag.RECEIPTED_MESSAGE_ID).getValueAsString())
        .isEqualTo("0123456789");
    assertThat(theirs.getOptionalParameter(TlvTag.MESSAGE_STATE).getValueAsByte())
        .isEqualTo((byte) 2);
    assertThat(fromCloudhopper(theirs)).isEqualTo(ours);
  }
}
