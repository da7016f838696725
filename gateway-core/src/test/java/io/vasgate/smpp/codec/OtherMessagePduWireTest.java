package io.vasgate.smpp.codec;

import static io.vasgate.smpp.codec.Wire.assertEncodesTo;
import static io.vasgate.smpp.codec.Wire.decodePdu;
import static io.vasgate.smpp.codec.Wire.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.vasgate.smpp.pdu.Address;
import io.vasgate.smpp.pdu.AlertNotification;
import io.vasgate.smpp.pdu.CancelSm;
import io.vasgate.smpp.pdu.CancelSmResp;
import io.vasgate.smpp.pdu.CommandId;
import io.vasgate.smpp.pdu.CommandStatus;
import io.vasgate.smpp.pdu.DataSm;
import io.vasgate.smpp.pdu.DataSmResp;
import io.vasgate.smpp.pdu.DestAddress;
import io.vasgate.smpp.pdu.Npi;
import io.vasgate.smpp.pdu.QuerySm;
import io.vasgate.smpp.pdu.QuerySmResp;
import io.vasgate.smpp.pdu.ReplaceSm;
import io.vasgate.smpp.pdu.ReplaceSmResp;
import io.vasgate.smpp.pdu.SubmitMulti;
import io.vasgate.smpp.pdu.SubmitMultiResp;
import io.vasgate.smpp.pdu.Tlv;
import io.vasgate.smpp.pdu.TlvTag;
import io.vasgate.smpp.pdu.Ton;
import io.vasgate.smpp.pdu.UnsuccessSme;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * data_sm, submit_multi, query_sm, cancel_sm, replace_sm, alert_notification and their responses
 * from hand-written wire hex (SMPP 3.4 sections 4.5, 4.7-4.10, 4.12).
 */
class OtherMessagePduWireTest {

  @Test
  void decodesDataSmWithAnAddressLongerThanSubmitSmAllows() {
    byte[] wire =
        hex(
            "00000058 00000103 00000000 00000010", // header: command_length 88, data_sm
            "57415000", // service_type "WAP"
            "05 00 5641534741544500", // source_addr 5/0 "VASGATE"
            "01 0E", // dest_addr_ton international, dest_addr_npi internet
            "75736572406578616D706C652E636F6D2F747970653D504C4D4E2F3836313338303031333830303000",
            "00", // esm_class
            "01", // registered_delivery
            "04", // data_coding 8-bit binary
            "0424 0002 0102", // message_payload 01 02
            "020B 0002 0B84"); // destination_port 2948

    DataSm dataSm = decodePdu(wire, DataSm.class);

    assertThat(dataSm.commandId()).isEqualTo(CommandId.DATA_SM);
    assertThat(dataSm.sequenceNumber()).isEqualTo(16);
    assertThat(dataSm.serviceType()).isEqualTo("WAP");
    assertThat(dataSm.source()).isEqualTo(Address.alphanumeric("VASGATE"));
    assertThat(dataSm.destination())
        .isEqualTo(
            Address.of(
                Ton.INTERNATIONAL, Npi.INTERNET, "user@example.com/type=PLMN/8613800138000"));
    assertThat(dataSm.destination().address()).hasSize(40);
    assertThat(dataSm.esmClass()).isZero();
    assertThat(dataSm.registeredDelivery()).isEqualTo((byte) 1);
    assertThat(dataSm.dataCoding()).isEqualTo((byte) 4);
    assertThat(dataSm.tlvs())
        .containsExactly(
            new Tlv(TlvTag.MESSAGE_PAYLOAD, hex("0102")),
            Tlv.ofUint16(TlvTag.DESTINATION_PORT, 2948));
    assertEncodesTo(dataSm, wire);
  }

  @Test
  void decodesDataSmResp() {
    byte[] wire =
        hex(
            "00000018 80000103 00000000 00000010", // command_length 24, data_sm_resp
            "443100", // message_id "D1"
            "0425 0001 00"); // delivery_failure_reason 0

    DataSmResp resp = decodePdu(wire, DataSmResp.class);

    assertThat(resp.commandId()).isEqualTo(CommandId.DATA_SM_RESP);
    assertThat(resp.commandStatus()).isZero();
    assertThat(resp.sequenceNumber()).isEqualTo(16);
    assertThat(resp.messageId()).isEqualTo("D1");
    assertThat(resp.tlvs()).containsExactly(Tlv.ofUint8(TlvTag.DELIVERY_FAILURE_REASON, 0));
    assertEncodesTo(resp, wire);
  }

  @Test
  void decodesSubmitMultiToAnSmeAndADistributionList() {
    byte[] wire =
        hex(
            "0000003F 00000021 00000000 00000011", // header: command_length 63, submit_multi
            "00", // service_type ""
            "02 01 313036353838383000", // source_addr 2/1 "10658880"
            "02", // number_of_dests 2
            "01 01 01 3836313338303031333830303000", // dest_flag SME, 1/1 "8613800138000"
            "02 76697000", // dest_flag distribution list, dl_name "vip"
            "00", // esm_class
            "00", // protocol_id
            "00", // priority_flag
            "00", // schedule_delivery_time ""
            "00", // validity_period ""
            "01", // registered_delivery
            "00", // replace_if_present_flag
            "00", // data_coding
            "00", // sm_default_msg_id
            "02 6869"); // sm_length 2, short_message "hi"

    SubmitMulti multi = decodePdu(wire, SubmitMulti.class);

    assertThat(multi.commandId()).isEqualTo(CommandId.SUBMIT_MULTI);
    assertThat(multi.sequenceNumber()).isEqualTo(17);
    assertThat(multi.serviceType()).isEmpty();
    assertThat(multi.source()).isEqualTo(Address.national("10658880"));
    assertThat(multi.destinations())
        .containsExactly(
            DestAddress.sme(Address.international("8613800138000")),
            DestAddress.distributionList("vip"));
    assertThat(multi.esmClass()).isZero();
    assertThat(multi.protocolId()).isZero();
    assertThat(multi.priorityFlag()).isZero();
    assertThat(multi.scheduleDeliveryTime()).isEmpty();
    assertThat(multi.validityPeriod()).isEmpty();
    assertThat(multi.registeredDelivery()).isEqualTo((byte) 1);
    assertThat(multi.replaceIfPresentFlag()).isZero();
    assertThat(multi.dataCoding()).isZero();
    assertThat(multi.smDefaultMsgId()).isZero();
    assertThat(new String(multi.shortMessage(), StandardCharsets.US_ASCII)).isEqualTo("hi");
    assertThat(multi.tlvs()).isEmpty();
    assertEncodesTo(multi, wire);
  }

  @Test
  void decodesSubmitMultiRespWithAnUnsuccessfulDestination() {
    byte[] wire =
        hex(
            "00000028 80000021 00000000 00000011", // command_length 40, submit_multi_resp
            "4D3100", // message_id "M1"
            "01", // no_unsuccess 1
            "01 01 3836313339303031333930303000", // dest 1/1 "8613900139000"
            "0000000B"); // error_status_code ESME_RINVDSTADR

    SubmitMultiResp resp = decodePdu(wire, SubmitMultiResp.class);

    assertThat(resp.commandId()).isEqualTo(CommandId.SUBMIT_MULTI_RESP);
    assertThat(resp.commandStatus()).isZero();
    assertThat(resp.sequenceNumber()).isEqualTo(17);
    assertThat(resp.messageId()).isEqualTo("M1");
    assertThat(resp.unsuccessSmes())
        .containsExactly(
            new UnsuccessSme(
                Address.international("8613900139000"), CommandStatus.ESME_RINVDSTADR.code()));
    assertThat(resp.tlvs()).isEmpty();
    assertEncodesTo(resp, wire);
  }

  @Test
  void decodesQuerySmAndItsResponse() {
    byte[] request =
        hex(
            "00000023 00000003 00000000 00000012", // header: command_length 35, query_sm
            "4D53473030303100", // message_id "MSG0001"
            "02 01 313036353838383000"); // source_addr 2/1 "10658880"
    byte[] response =
        hex(
            "0000002B 80000003 00000000 00000012", // command_length 43, query_sm_resp
            "4D53473030303100", // message_id "MSG0001"
            "3235303130313132303030303030302B00", // final_date "250101120000000+"
            "02", // message_state DELIVERED
            "00"); // error_code

    QuerySm query = decodePdu(request, QuerySm.class);
    QuerySmResp resp = decodePdu(response, QuerySmResp.class);

    assertThat(query.commandId()).isEqualTo(CommandId.QUERY_SM);
    assertThat(query.sequenceNumber()).isEqualTo(18);
    assertThat(query.messageId()).isEqualTo("MSG0001");
    assertThat(query.source()).isEqualTo(Address.national("10658880"));
    assertThat(resp.commandId()).isEqualTo(CommandId.QUERY_SM_RESP);
    assertThat(resp.commandStatus()).isZero();
    assertThat(resp.sequenceNumber()).isEqualTo(18);
    assertThat(resp.messageId()).isEqualTo("MSG0001");
    assertThat(resp.finalDate()).isEqualTo("250101120000000+");
    assertThat(resp.messageState()).isEqualTo((byte) 2);
    assertThat(resp.errorCode()).isZero();
    assertThat(query.response("250101120000000+", (byte) 2, (byte) 0)).isEqualTo(resp);
    assertEncodesTo(query, request);
    assertEncodesTo(resp, response);
  }

  @Test
  void decodesCancelSmAndItsResponse() {
    byte[] request =
        hex(
            "00000037 00000008 00000000 00000013", // header: command_length 55, cancel_sm
            "434D5400", // service_type "CMT"
            "4D53473030303100", // message_id "MSG0001"
            "02 01 313036353838383000", // source_addr 2/1 "10658880"
            "01 01 3836313338303031333830303000"); // destination_addr 1/1 "8613800138000"
    byte[] response = hex("00000010 80000008 00000000 00000013");

    CancelSm cancel = decodePdu(request, CancelSm.class);
    CancelSmResp resp = decodePdu(response, CancelSmResp.class);

    assertThat(cancel.commandId()).isEqualTo(CommandId.CANCEL_SM);
    assertThat(cancel.sequenceNumber()).isEqualTo(19);
    assertThat(cancel.serviceType()).isEqualTo("CMT");
    assertThat(cancel.messageId()).isEqualTo("MSG0001");
    assertThat(cancel.source()).isEqualTo(Address.national("10658880"));
    assertThat(cancel.destination()).isEqualTo(Address.international("8613800138000"));
    assertThat(resp.commandId()).isEqualTo(CommandId.CANCEL_SM_RESP);
    assertThat(resp.commandStatus()).isZero();
    assertThat(resp.sequenceNumber()).isEqualTo(19);
    assertThat(cancel.response()).isEqualTo(resp);
    assertEncodesTo(cancel, request);
    assertEncodesTo(resp, response);
  }

  @Test
  void decodesReplaceSmAndItsResponse() {
    byte[] request =
        hex(
            "0000003B 00000007 00000000 00000014", // header: command_length 59, replace_sm
            "4D53473030303100", // message_id "MSG0001"
            "02 01 313036353838383000", // source_addr 2/1 "10658880"
            "00", // schedule_delivery_time ""
            "3030303030323030303030303030305200", // validity_period "000002000000000R"
            "01", // registered_delivery
            "00", // sm_default_msg_id
            "03 6E6577"); // sm_length 3, short_message "new"
    byte[] response = hex("00000010 80000007 00000000 00000014");

    ReplaceSm replace = decodePdu(request, ReplaceSm.class);
    ReplaceSmResp resp = decodePdu(response, ReplaceSmResp.class);

    assertThat(replace.commandId()).isEqualTo(CommandId.REPLACE_SM);
    assertThat(replace.sequenceNumber()).isEqualTo(20);
    assertThat(replace.messageId()).isEqualTo("MSG0001");
    assertThat(replace.source()).isEqualTo(Address.national("10658880"));
    assertThat(replace.scheduleDeliveryTime()).isEmpty();
    assertThat(replace.validityPeriod()).isEqualTo("000002000000000R");
    assertThat(replace.registeredDelivery()).isEqualTo((byte) 1);
    assertThat(replace.smDefaultMsgId()).isZero();
    assertThat(new String(replace.shortMessage(), StandardCharsets.US_ASCII)).isEqualTo("new");
    assertThat(resp.commandId()).isEqualTo(CommandId.REPLACE_SM_RESP);
    assertThat(resp.commandStatus()).isZero();
    assertThat(resp.sequenceNumber()).isEqualTo(20);
    assertThat(replace.response()).isEqualTo(resp);
    assertEncodesTo(replace, request);
    assertEncodesTo(resp, response);
  }

  @Test
  void decodesAlertNotification() {
    byte[] wire =
        hex(
            "00000030 00000102 00000000 00000015", // command_length 48, alert_notification
            "01 01 3836313338303031333830303000", // source_addr 1/1 "8613800138000"
            "02 01 313036353838383000", // esme_addr 2/1 "10658880"
            "0422 0001 00"); // ms_availability_status: available

    AlertNotification alert = decodePdu(wire, AlertNotification.class);

    assertThat(alert.commandId()).isEqualTo(CommandId.ALERT_NOTIFICATION);
    assertThat(alert.commandStatus()).isZero();
    assertThat(alert.sequenceNumber()).isEqualTo(21);
    assertThat(alert.source()).isEqualTo(Address.international("8613800138000"));
    assertThat(alert.esmeAddress()).isEqualTo(Address.national("10658880"));
    assertThat(alert.optionalParameters().getUint8(TlvTag.MS_AVAILABILITY_STATUS)).hasValue(0);
    assertEncodesTo(alert, wire);
  }
}
