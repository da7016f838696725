package io.vasgate.smpp.codec;

import static io.vasgate.smpp.codec.Wire.assertEncodesTo;
import static io.vasgate.smpp.codec.Wire.decodePdu;
import static io.vasgate.smpp.codec.Wire.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.vasgate.smpp.pdu.Address;
import io.vasgate.smpp.pdu.Bind;
import io.vasgate.smpp.pdu.BindResp;
import io.vasgate.smpp.pdu.BindType;
import io.vasgate.smpp.pdu.CommandId;
import io.vasgate.smpp.pdu.CommandStatus;
import io.vasgate.smpp.pdu.EnquireLink;
import io.vasgate.smpp.pdu.EnquireLinkResp;
import io.vasgate.smpp.pdu.GenericNack;
import io.vasgate.smpp.pdu.Outbind;
import io.vasgate.smpp.pdu.Tlv;
import io.vasgate.smpp.pdu.TlvTag;
import io.vasgate.smpp.pdu.Unbind;
import io.vasgate.smpp.pdu.UnbindResp;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Session-management PDUs decoded from hand-written wire hex (SMPP 3.4 sections 4.1-4.3, 4.11). */
class SessionPduWireTest {

  @Test
  void decodesBindTransmitter() {
    byte[] wire =
        hex(
            "0000002F 00000002 00000000 00000001", // header: command_length 47, bind_transmitter
            "534D5050335445535400", // system_id "SMPP3TEST"
            "736563726574303800", // password "secret08"
            "5355424D49543100", // system_type "SUBMIT1"
            "34", // interface_version 3.4
            "01", // address_range ton
            "01", // address_range npi
            "00"); // address_range ""

    Bind bind = decodePdu(wire, Bind.class);

    assertThat(bind.commandId()).isEqualTo(CommandId.BIND_TRANSMITTER);
    assertThat(bind.bindType()).isEqualTo(BindType.TRANSMITTER);
    assertThat(bind.commandStatus()).isZero();
    assertThat(bind.sequenceNumber()).isEqualTo(1);
    assertThat(bind.systemId()).isEqualTo("SMPP3TEST");
    assertThat(bind.password()).isEqualTo("secret08");
    assertThat(bind.systemType()).isEqualTo("SUBMIT1");
    assertThat(bind.interfaceVersion()).isEqualTo((byte) 0x34);
    assertThat(bind.addressRange()).isEqualTo(new Address((byte) 1, (byte) 1, ""));
    assertEncodesTo(bind, wire);
  }

  @Test
  void decodesBindReceiverWithAddressRange() {
    byte[] wire =
        hex(
            "00000028 00000001 00000000 00000002", // header: command_length 40, bind_receiver
            "65736D6500", // system_id "esme"
            "707700", // password "pw"
            "00", // system_type ""
            "34", // interface_version 3.4
            "02", // address_range ton
            "01", // address_range npi
            "5E31303635383838302E2A00"); // address_range "^10658880.*"

    Bind bind = decodePdu(wire, Bind.class);

    assertThat(bind.commandId()).isEqualTo(CommandId.BIND_RECEIVER);
    assertThat(bind.bindType()).isEqualTo(BindType.RECEIVER);
    assertThat(bind.sequenceNumber()).isEqualTo(2);
    assertThat(bind.systemId()).isEqualTo("esme");
    assertThat(bind.password()).isEqualTo("pw");
    assertThat(bind.systemType()).isEmpty();
    assertThat(bind.interfaceVersion()).isEqualTo((byte) 0x34);
    assertThat(bind.addressRange()).isEqualTo(new Address((byte) 2, (byte) 1, "^10658880.*"));
    assertEncodesTo(bind, wire);
  }

  @Test
  void decodesBindTransceiverOfVersion33() {
    byte[] wire =
        hex(
            "0000001D 00000009 00000000 00000003", // header: command_length 29, bind_transceiver
            "74727800", // system_id "trx"
            "00", // password ""
            "564D4100", // system_type "VMA"
            "33", // interface_version 3.3
            "00", // address_range ton
            "00", // address_range npi
            "00"); // address_range ""

    Bind bind = decodePdu(wire, Bind.class);

    assertThat(bind.commandId()).isEqualTo(CommandId.BIND_TRANSCEIVER);
    assertThat(bind.bindType()).isEqualTo(BindType.TRANSCEIVER);
    assertThat(bind.sequenceNumber()).isEqualTo(3);
    assertThat(bind.systemId()).isEqualTo("trx");
    assertThat(bind.password()).isEmpty();
    assertThat(bind.systemType()).isEqualTo("VMA");
    assertThat(bind.interfaceVersion()).isEqualTo((byte) 0x33);
    assertThat(bind.addressRange()).isEqualTo(Address.EMPTY);
    assertEncodesTo(bind, wire);
  }

  @Test
  void decodesBindTransmitterRespWithScInterfaceVersion() {
    byte[] wire =
        hex(
            "0000001A 80000002 00000000 00000001", // command_length 26, bind_transmitter_resp
            "534D534300", // system_id "SMSC"
            "0210 0001 34"); // sc_interface_version 0x34

    BindResp resp = decodePdu(wire, BindResp.class);

    assertThat(resp.commandId()).isEqualTo(CommandId.BIND_TRANSMITTER_RESP);
    assertThat(resp.bindType()).isEqualTo(BindType.TRANSMITTER);
    assertThat(resp.commandStatus()).isZero();
    assertThat(resp.isOk()).isTrue();
    assertThat(resp.sequenceNumber()).isEqualTo(1);
    assertThat(resp.systemId()).isEqualTo("SMSC");
    assertThat(resp.tlvs()).containsExactly(Tlv.ofUint8(TlvTag.SC_INTERFACE_VERSION, 0x34));
    assertThat(resp.optionalParameters().getUint8(TlvTag.SC_INTERFACE_VERSION)).hasValue(0x34);
    assertEncodesTo(resp, wire);
  }

  @Test
  void decodesRefusedBindReceiverRespWithoutBody() {
    byte[] wire = hex("00000010 80000001 0000000D 00000002"); // bind_receiver_resp ESME_RBINDFAIL

    BindResp resp = decodePdu(wire, BindResp.class);

    assertThat(resp.commandId()).isEqualTo(CommandId.BIND_RECEIVER_RESP);
    assertThat(resp.bindType()).isEqualTo(BindType.RECEIVER);
    assertThat(resp.commandStatus()).isEqualTo(CommandStatus.ESME_RBINDFAIL.code());
    assertThat(resp.status()).contains(CommandStatus.ESME_RBINDFAIL);
    assertThat(resp.sequenceNumber()).isEqualTo(2);
    assertThat(resp.systemId()).isEmpty();
    assertThat(resp.tlvs()).isEmpty();
    assertEncodesTo(resp, wire);
  }

  @Test
  void decodesBindTransceiverRespWithoutTlvs() {
    byte[] wire =
        hex(
            "00000018 80000009 00000000 00000003", // command_length 24, bind_transceiver_resp
            "7661736761746500"); // system_id "vasgate"

    BindResp resp = decodePdu(wire, BindResp.class);

    assertThat(resp.commandId()).isEqualTo(CommandId.BIND_TRANSCEIVER_RESP);
    assertThat(resp.bindType()).isEqualTo(BindType.TRANSCEIVER);
    assertThat(resp.commandStatus()).isZero();
    assertThat(resp.sequenceNumber()).isEqualTo(3);
    assertThat(resp.systemId()).isEqualTo("vasgate");
    assertThat(resp.tlvs()).isEmpty();
    assertEncodesTo(resp, wire);
  }

  @Test
  void encodesRefusedBindRespWithoutBodyAsTheSpecificationRequires() {
    Bind bind = Bind.of(BindType.TRANSCEIVER, 5, "esme", "pw");

    BindResp refusal = bind.negativeResponse(CommandStatus.ESME_RINVPASWD.code());

    assertThat(SmppPduCodec.encodeToBytes(refusal))
        .isEqualTo(hex("00000010 80000009 0000000E 00000005"));
    assertThat(bind.response("SMSC", List.of()).systemId()).isEqualTo("SMSC");
  }

  @Test
  void decodesOutbind() {
    byte[] wire =
        hex(
            "00000018 0000000B 00000000 00000007", // header: command_length 24, outbind
            "534D534300", // system_id "SMSC"
            "707700"); // password "pw"

    Outbind outbind = decodePdu(wire, Outbind.class);

    assertThat(outbind.commandId()).isEqualTo(CommandId.OUTBIND);
    assertThat(outbind.commandStatus()).isZero();
    assertThat(outbind.sequenceNumber()).isEqualTo(7);
    assertThat(outbind.systemId()).isEqualTo("SMSC");
    assertThat(outbind.password()).isEqualTo("pw");
    assertThat(outbind.toString()).doesNotContain("pw]").contains("***");
    assertEncodesTo(outbind, wire);
  }

  @Test
  void decodesUnbindAndItsResponse() {
    byte[] request = hex("00000010 00000006 00000000 00000008");
    byte[] response = hex("00000010 80000006 00000000 00000008");

    Unbind unbind = decodePdu(request, Unbind.class);
    UnbindResp resp = decodePdu(response, UnbindResp.class);

    assertThat(unbind.commandId()).isEqualTo(CommandId.UNBIND);
    assertThat(unbind.sequenceNumber()).isEqualTo(8);
    assertThat(resp.commandId()).isEqualTo(CommandId.UNBIND_RESP);
    assertThat(resp.commandStatus()).isZero();
    assertThat(resp.sequenceNumber()).isEqualTo(8);
    assertThat(unbind.response()).isEqualTo(resp);
    assertEncodesTo(unbind, request);
    assertEncodesTo(resp, response);
  }

  @Test
  void decodesEnquireLinkAndItsResponse() {
    byte[] request = hex("00000010 00000015 00000000 00000009");
    byte[] response = hex("00000010 80000015 00000000 00000009");

    EnquireLink enquireLink = decodePdu(request, EnquireLink.class);
    EnquireLinkResp resp = decodePdu(response, EnquireLinkResp.class);

    assertThat(enquireLink.commandId()).isEqualTo(CommandId.ENQUIRE_LINK);
    assertThat(enquireLink.sequenceNumber()).isEqualTo(9);
    assertThat(resp.commandId()).isEqualTo(CommandId.ENQUIRE_LINK_RESP);
    assertThat(resp.commandStatus()).isZero();
    assertThat(resp.sequenceNumber()).isEqualTo(9);
    assertThat(enquireLink.response()).isEqualTo(resp);
    assertEncodesTo(enquireLink, request);
    assertEncodesTo(resp, response);
  }

  @Test
  void decodesGenericNack() {
    byte[] wire = hex("00000010 80000000 00000003 0000000A"); // generic_nack ESME_RINVCMDID

    GenericNack nack = decodePdu(wire, GenericNack.class);

    assertThat(nack.commandId()).isEqualTo(CommandId.GENERIC_NACK);
    assertThat(nack.commandStatus()).isEqualTo(CommandStatus.ESME_RINVCMDID.code());
    assertThat(nack.sequenceNumber()).isEqualTo(10);
    assertEncodesTo(nack, wire);
  }

  @Test
  void keepsVendorCommandStatusOfResponses() {
    byte[] wire = hex("00000010 80000006 00000401 0000000B"); // unbind_resp, vendor status 0x401

    UnbindResp resp = decodePdu(wire, UnbindResp.class);

    assertThat(resp.commandStatus()).isEqualTo(0x401);
    assertThat(resp.status()).isEmpty();
    assertEncodesTo(resp, wire);
  }
}
