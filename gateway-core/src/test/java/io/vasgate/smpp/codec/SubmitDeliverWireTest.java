package io.vasgate.smpp.codec;

import static io.vasgate.smpp.codec.Wire.ascii;
import static io.vasgate.smpp.codec.Wire.assertEncodesTo;
import static io.vasgate.smpp.codec.Wire.decodePdu;
import static io.vasgate.smpp.codec.Wire.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.vasgate.smpp.pdu.Address;
import io.vasgate.smpp.pdu.CommandId;
import io.vasgate.smpp.pdu.CommandStatus;
import io.vasgate.smpp.pdu.DeliverSm;
import io.vasgate.smpp.pdu.DeliverSmResp;
import io.vasgate.smpp.pdu.SubmitSm;
import io.vasgate.smpp.pdu.SubmitSmResp;
import io.vasgate.smpp.pdu.Tlv;
import io.vasgate.smpp.pdu.TlvTag;
import io.vasgate.smpp.pdu.Tlvs;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** submit_sm, deliver_sm and their responses from hand-written wire hex (4.4, 4.6). */
class SubmitDeliverWireTest {

  @Test
  void decodesSubmitSmWithEveryMandatoryField() {
    byte[] wire =
        hex(
            "00000053 00000004 00000000 0000000B", // header: command_length 83, submit_sm
            "434D5400", // service_type "CMT"
            "01", // source_addr_ton international
            "01", // source_addr_npi ISDN
            "3836313338303031333830303000", // source_addr "8613800138000"
            "02", // dest_addr_ton national
            "01", // dest_addr_npi ISDN
            "313036353838383000", // destination_addr "10658880"
            "00", // esm_class
            "7F", // protocol_id
            "01", // priority_flag
            "00", // schedule_delivery_time ""
            "3030303030313030303030303030305200", // validity_period "000001000000000R"
            "01", // registered_delivery
            "00", // replace_if_present_flag
            "08", // data_coding UCS2
            "00", // sm_default_msg_id
            "04", // sm_length
            "4F60597D", // short_message "你好" in UTF-16BE
            "0204 0002 0001"); // user_message_reference 1

    SubmitSm submit = decodePdu(wire, SubmitSm.class);

    assertThat(submit.commandId()).isEqualTo(CommandId.SUBMIT_SM);
    assertThat(submit.commandStatus()).isZero();
    assertThat(submit.sequenceNumber()).isEqualTo(11);
    assertThat(submit.serviceType()).isEqualTo("CMT");
    assertThat(submit.source()).isEqualTo(Address.international("8613800138000"));
    assertThat(submit.destination()).isEqualTo(Address.national("10658880"));
    assertThat(submit.esmClass()).isZero();
    assertThat(submit.protocolId()).isEqualTo((byte) 0x7F);
    assertThat(submit.priorityFlag()).isEqualTo((byte) 1);
    assertThat(submit.scheduleDeliveryTime()).isEmpty();
    assertThat(submit.validityPeriod()).isEqualTo("000001000000000R");
    assertThat(submit.registeredDelivery()).isEqualTo((byte) 1);
    assertThat(submit.replaceIfPresentFlag()).isZero();
    assertThat(submit.dataCoding()).isEqualTo((byte) 8);
    assertThat(submit.smDefaultMsgId()).isZero();
    assertThat(submit.smLength()).isEqualTo(4);
    assertThat(new String(submit.shortMessage(), StandardCharsets.UTF_16BE)).isEqualTo("你好");
    assertThat(submit.tlvs()).containsExactly(Tlv.ofUint16(TlvTag.USER_MESSAGE_REFERENCE, 1));
    assertEncodesTo(submit, wire);
  }

  @Test
  void decodesSubmitSmWithMessagePayloadSarAndVendorTlvsInOrder() {
    byte[] wire =
        hex(
            "00000060 00000004 00000000 0000000C", // header: command_length 96, submit_sm
            "00", // service_type ""
            "05", // source_addr_ton alphanumeric
            "00", // source_addr_npi unknown
            "5641534741544500", // source_addr "VASGATE"
            "01", // dest_addr_ton
            "01", // dest_addr_npi
            "3836313339303031333930303000", // destination_addr "8613900139000"
            "03", // esm_class store and forward
            "00", // protocol_id
            "00", // priority_flag
            "00", // schedule_delivery_time ""
            "00", // validity_period ""
            "00", // registered_delivery
            "00", // replace_if_present_flag
            "00", // data_coding
            "00", // sm_default_msg_id
            "00", // sm_length 0: the text is in message_payload
            "0424 0011",
            ascii("Hello, long world"), // message_payload
            "020C 0002 1234", // sar_msg_ref_num 0x1234
            "020E 0001 02", // sar_total_segments 2
            "020F 0001 01", // sar_segment_seqnum 1
            "1500 0002 CAFE"); // vendor-specific TLV 0x1500

    SubmitSm submit = decodePdu(wire, SubmitSm.class);

    assertThat(submit.sequenceNumber()).isEqualTo(12);
    assertThat(submit.serviceType()).isEmpty();
    assertThat(submit.source()).isEqualTo(Address.alphanumeric("VASGATE"));
    assertThat(submit.destination()).isEqualTo(Address.international("8613900139000"));
    assertThat(submit.esmClass()).isEqualTo((byte) 3);
    assertThat(submit.smLength()).isZero();
    assertThat(submit.shortMessage()).isEmpty();
    Tlvs tlvs = submit.optionalParameters();
    assertThat(tlvs.getBytes(TlvTag.MESSAGE_PAYLOAD))
        .hasValueSatisfying(
            v ->
                assertThat(new String(v, StandardCharsets.US_ASCII))
                    .isEqualTo("Hello, long world"));
    assertThat(tlvs.getUint16(TlvTag.SAR_MSG_REF_NUM)).hasValue(0x1234);
    assertThat(tlvs.getUint8(TlvTag.SAR_TOTAL_SEGMENTS)).hasValue(2);
    assertThat(tlvs.getUint8(TlvTag.SAR_SEGMENT_SEQNUM)).hasValue(1);
    assertThat(submit.tlvs())
        .extracting(Tlv::tagCode)
        .containsExactly(0x0424, 0x020C, 0x020E, 0x020F, 0x1500);
    assertThat(submit.tlvs().get(4)).isEqualTo(new Tlv((short) 0x1500, hex("CAFE")));
    assertEncodesTo(submit, wire);
  }

  @Test
  void decodesSubmitSmResp() {
    byte[] wire =
        hex(
            "00000018 80000004 00000000 0000000B", // command_length 24, submit_sm_resp
            "4D53473030303100"); // message_id "MSG0001"

    SubmitSmResp resp = decodePdu(wire, SubmitSmResp.class);

    assertThat(resp.commandId()).isEqualTo(CommandId.SUBMIT_SM_RESP);
    assertThat(resp.commandStatus()).isZero();
    assertThat(resp.sequenceNumber()).isEqualTo(11);
    assertThat(resp.messageId()).isEqualTo("MSG0001");
    assertThat(resp.tlvs()).isEmpty();
    assertEncodesTo(resp, wire);
  }

  @Test
  void decodesThrottledSubmitSmRespWithoutBody() {
    byte[] wire = hex("00000010 80000004 00000058 0000000C"); // submit_sm_resp ESME_RTHROTTLED

    SubmitSmResp resp = decodePdu(wire, SubmitSmResp.class);

    assertThat(resp.commandStatus()).isEqualTo(CommandStatus.ESME_RTHROTTLED.code());
    assertThat(resp.isOk()).isFalse();
    assertThat(resp.sequenceNumber()).isEqualTo(12);
    assertThat(resp.messageId()).isEmpty();
    assertEncodesTo(resp, wire);
  }

  @Test
  void decodesMobileOriginatedDeliverSm() {
    byte[] wire =
        hex(
            "0000003D 00000005 00000000 0000000D", // header: command_length 61, deliver_sm
            "00", // service_type ""
            "01", // source_addr_ton
            "01", // source_addr_npi
            "3836313338303031333830303000", // source_addr "8613800138000"
            "00", // dest_addr_ton
            "01", // dest_addr_npi
            "3130363538383830313200", // destination_addr "1065888012"
            "00", // esm_class
            "00", // protocol_id
            "00", // priority_flag
            "00", // schedule_delivery_time ""
            "00", // validity_period ""
            "00", // registered_delivery
            "00", // replace_if_present_flag
            "00", // data_coding
            "00", // sm_default_msg_id
            "05", // sm_length
            "4B54205451"); // short_message "KT TQ"

    DeliverSm deliver = decodePdu(wire, DeliverSm.class);

    assertThat(deliver.commandId()).isEqualTo(CommandId.DELIVER_SM);
    assertThat(deliver.sequenceNumber()).isEqualTo(13);
    assertThat(deliver.serviceType()).isEmpty();
    assertThat(deliver.source()).isEqualTo(Address.international("8613800138000"));
    assertThat(deliver.destination()).isEqualTo(new Address((byte) 0, (byte) 1, "1065888012"));
    assertThat(deliver.esmClass()).isZero();
    assertThat(deliver.isReceipt()).isFalse();
    assertThat(deliver.protocolId()).isZero();
    assertThat(deliver.priorityFlag()).isZero();
    assertThat(deliver.scheduleDeliveryTime()).isEmpty();
    assertThat(deliver.validityPeriod()).isEmpty();
    assertThat(deliver.registeredDelivery()).isZero();
    assertThat(deliver.replaceIfPresentFlag()).isZero();
    assertThat(deliver.dataCoding()).isZero();
    assertThat(deliver.smDefaultMsgId()).isZero();
    assertThat(new String(deliver.shortMessage(), StandardCharsets.US_ASCII)).isEqualTo("KT TQ");
    assertThat(deliver.tlvs()).isEmpty();
    assertEncodesTo(deliver, wire);
  }

  @Test
  void decodesDeliveryReceiptWithReceiptedMessageIdAndMessageState() {
    String text =
        "id:0123456789 sub:001 dlvrd:001 submit date:2501011200 done date:2501011201"
            + " stat:DELIVRD err:000 text:";
    byte[] wire =
        hex(
            "000000B0 00000005 00000000 0000000E", // header: command_length 176, deliver_sm
            "00", // service_type ""
            "01 01 3836313338303031333830303000", // source_addr 1/1 "8613800138000"
            "00 01 313036353838383000", // destination_addr 0/1 "10658880"
            "04", // esm_class: SMSC delivery receipt
            "00 00 00 00", // protocol_id, priority_flag, schedule "", validity ""
            "00 00 00 00", // registered_delivery, replace_if_present, data_coding, sm_default
            "66", // sm_length 102
            ascii(text), // short_message
            "001E 000B 3031323334353637383900", // receipted_message_id "0123456789"
            "0427 0001 02"); // message_state DELIVERED

    DeliverSm receipt = decodePdu(wire, DeliverSm.class);

    assertThat(receipt.sequenceNumber()).isEqualTo(14);
    assertThat(receipt.esmClass()).isEqualTo((byte) 0x04);
    assertThat(receipt.isReceipt()).isTrue();
    assertThat(receipt.source()).isEqualTo(Address.international("8613800138000"));
    assertThat(receipt.destination()).isEqualTo(new Address((byte) 0, (byte) 1, "10658880"));
    assertThat(new String(receipt.shortMessage(), StandardCharsets.US_ASCII)).isEqualTo(text);
    assertThat(receipt.optionalParameters().getCString(TlvTag.RECEIPTED_MESSAGE_ID))
        .contains("0123456789");
    assertThat(receipt.optionalParameters().getUint8(TlvTag.MESSAGE_STATE)).hasValue(2);
    assertEncodesTo(receipt, wire);
  }

  @Test
  void decodesUssdDeliverSmWithServiceOpAndSessionInfo() {
    byte[] wire =
        hex(
            "00000047 00000005 00000000 0000000F", // header: command_length 71, deliver_sm
            "5553534400", // service_type "USSD"
            "01 01 3836313338303031333830303000", // source_addr 1/1 "8613800138000"
            "00 00 2A3132332300", // destination_addr 0/0 "*123#"
            "00 00 00 00 00 00 00", // esm_class .. replace_if_present_flag
            "0F", // data_coding
            "00", // sm_default_msg_id
            "05 2A31323323", // sm_length 5, short_message "*123#"
            "0501 0001 01", // ussd_service_op: PSSR indication
            "1383 0002 2A02"); // its_session_info: session 42, sequence 1, not ended

    DeliverSm ussd = decodePdu(wire, DeliverSm.class);

    assertThat(ussd.sequenceNumber()).isEqualTo(15);
    assertThat(ussd.serviceType()).isEqualTo("USSD");
    assertThat(ussd.destination()).isEqualTo(Address.unknown("*123#"));
    assertThat(ussd.dataCoding()).isEqualTo((byte) 0x0F);
    assertThat(ussd.optionalParameters().getUint8(TlvTag.USSD_SERVICE_OP)).hasValue(1);
    assertThat(ussd.optionalParameters().getUint16(TlvTag.ITS_SESSION_INFO)).hasValue(0x2A02);
    assertEncodesTo(ussd, wire);
  }

  @Test
  void decodesDeliverSmResp() {
    byte[] wire =
        hex(
            "00000011 80000005 00000000 0000000D", // command_length 17, deliver_sm_resp
            "00"); // message_id "" (unused)

    DeliverSmResp resp = decodePdu(wire, DeliverSmResp.class);

    assertThat(resp.commandId()).isEqualTo(CommandId.DELIVER_SM_RESP);
    assertThat(resp.commandStatus()).isZero();
    assertThat(resp.sequenceNumber()).isEqualTo(13);
    assertThat(resp.messageId()).isEmpty();
    assertThat(resp.tlvs()).isEmpty();
    assertEncodesTo(resp, wire);
  }
}
