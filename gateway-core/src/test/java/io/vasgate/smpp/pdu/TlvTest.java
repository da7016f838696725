package io.vasgate.smpp.pdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TlvTest {

  @Test
  void comparesByContent() {
    Tlv a = new Tlv(TlvTag.MESSAGE_PAYLOAD, new byte[] {1, 2, 3});
    Tlv b = new Tlv(TlvTag.MESSAGE_PAYLOAD, new byte[] {1, 2, 3});

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(new Tlv(TlvTag.MESSAGE_PAYLOAD, new byte[] {1, 2, 4}));
    assertThat(a).isNotEqualTo(new Tlv(TlvTag.SOURCE_SUBADDRESS, new byte[] {1, 2, 3}));
  }

  @Test
  void copiesTheValueOnTheWayInAndOut() {
    byte[] value = {1, 2};
    Tlv tlv = new Tlv(TlvTag.SOURCE_PORT, value);

    value[0] = 9;
    tlv.value()[1] = 9;

    assertThat(tlv.value()).containsExactly(1, 2);
  }

  @Test
  void printsTheTagNameAndHexValue() {
    assertThat(Tlv.ofUint16(TlvTag.SAR_MSG_REF_NUM, 0xABCD))
        .hasToString("Tlv[sar_msg_ref_num=abcd]");
    assertThat(new Tlv((short) 0x1500, new byte[] {(byte) 0xCA})).hasToString("Tlv[0x1500=ca]");
  }

  @Test
  void readsTypedValues() {
    assertThat(Tlv.ofUint8(TlvTag.USSD_SERVICE_OP, 17).uint8()).isEqualTo(17);
    assertThat(Tlv.ofUint16(TlvTag.ITS_SESSION_INFO, 0xFF01).uint16()).isEqualTo(0xFF01);
    assertThat(Tlv.ofUint32(TlvTag.QOS_TIME_TO_LIVE, 0xFFFFFFFFL).uint32()).isEqualTo(0xFFFFFFFFL);
    assertThat(Tlv.ofCString(TlvTag.RECEIPTED_MESSAGE_ID, "A1").value())
        .containsExactly(0x41, 0x31, 0);
    assertThat(Tlv.ofCString(TlvTag.RECEIPTED_MESSAGE_ID, "A1").cString()).isEqualTo("A1");
  }

  @Test
  void toleratesAReceiptedMessageIdWithoutTerminator() {
    assertThat(new Tlv(TlvTag.RECEIPTED_MESSAGE_ID, new byte[] {0x41, 0x42}).cString())
        .isEqualTo("AB");
  }

  @Test
  void refusesToReadAValueOfTheWrongLength() {
    Tlv twoOctets = new Tlv(TlvTag.USSD_SERVICE_OP, new byte[] {1, 2});

    assertThatThrownBy(twoOctets::uint8)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("ussd_service_op has 2 octets, expected 1");
  }

  @Test
  void refusesOutOfRangeValues() {
    assertThatThrownBy(() -> Tlv.ofUint8(TlvTag.MESSAGE_STATE, 256))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Tlv.ofUint16(TlvTag.SOURCE_PORT, -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Tlv(TlvTag.MESSAGE_PAYLOAD, new byte[65536]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("message_payload");
  }

  @Test
  void findsTlvsByTagInAnImmutableOrderedSet() {
    List<Tlv> source = new ArrayList<>();
    source.add(Tlv.ofUint8(TlvTag.SAR_TOTAL_SEGMENTS, 3));
    source.add(new Tlv((short) 0x1500, new byte[] {7}));
    source.add(Tlv.ofUint8(TlvTag.SAR_TOTAL_SEGMENTS, 4));
    Tlvs tlvs = Tlvs.of(source);
    source.clear();

    assertThat(tlvs.size()).isEqualTo(3);
    assertThat(tlvs.getUint8(TlvTag.SAR_TOTAL_SEGMENTS)).hasValue(3);
    assertThat(tlvs.findAll(TlvTag.SAR_TOTAL_SEGMENTS)).hasSize(2);
    assertThat(tlvs.contains((short) 0x1500)).isTrue();
    assertThat(tlvs.getUint16(TlvTag.SAR_MSG_REF_NUM)).isEmpty();
    assertThat(tlvs.getCString(TlvTag.RECEIPTED_MESSAGE_ID)).isEmpty();
    assertThat(tlvs.getBytes((short) 0x1500))
        .hasValueSatisfying(v -> assertThat(v).containsExactly(7));
  }

  @Test
  void addsReplacesAndRemovesWithoutTouchingTheOriginal() {
    Tlvs original = Tlvs.of(Tlv.ofUint8(TlvTag.MESSAGE_STATE, 1));

    Tlvs added = original.add(Tlv.ofUint8(TlvTag.MESSAGE_STATE, 2));
    Tlvs replaced = original.with(Tlv.ofUint8(TlvTag.MESSAGE_STATE, 5));
    Tlvs appended = original.with(Tlv.ofUint16(TlvTag.SOURCE_PORT, 80));
    Tlvs removed = added.without(TlvTag.MESSAGE_STATE);

    assertThat(original.asList()).containsExactly(Tlv.ofUint8(TlvTag.MESSAGE_STATE, 1));
    assertThat(added.asList()).hasSize(2);
    assertThat(replaced.getUint8(TlvTag.MESSAGE_STATE)).hasValue(5);
    assertThat(replaced.size()).isEqualTo(1);
    assertThat(appended.asList())
        .containsExactly(
            Tlv.ofUint8(TlvTag.MESSAGE_STATE, 1), Tlv.ofUint16(TlvTag.SOURCE_PORT, 80));
    assertThat(removed.isEmpty()).isTrue();
    assertThat(removed).isEqualTo(Tlvs.EMPTY);
    assertThatThrownBy(() -> added.asList().add(Tlv.ofUint8(TlvTag.MESSAGE_STATE, 3)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void namesEveryTagTheBriefRequires() {
    short[] tags = {
      TlvTag.DEST_ADDR_SUBUNIT,
      TlvTag.SOURCE_ADDR_SUBUNIT,
      TlvTag.USER_MESSAGE_REFERENCE,
      TlvTag.SOURCE_PORT,
      TlvTag.DESTINATION_PORT,
      TlvTag.SAR_MSG_REF_NUM,
      TlvTag.LANGUAGE_INDICATOR,
      TlvTag.SAR_TOTAL_SEGMENTS,
      TlvTag.SAR_SEGMENT_SEQNUM,
      TlvTag.SC_INTERFACE_VERSION,
      TlvTag.PAYLOAD_TYPE,
      TlvTag.MESSAGE_PAYLOAD,
      TlvTag.RECEIPTED_MESSAGE_ID,
      TlvTag.MESSAGE_STATE,
      TlvTag.NETWORK_ERROR_CODE,
      TlvTag.USSD_SERVICE_OP,
      TlvTag.ITS_SESSION_INFO,
      TlvTag.MORE_MESSAGES_TO_SEND,
      TlvTag.CALLBACK_NUM,
      TlvTag.PRIVACY_INDICATOR,
      TlvTag.DISPLAY_TIME,
      TlvTag.MS_VALIDITY,
      TlvTag.DELIVERY_FAILURE_REASON,
      TlvTag.ADDITIONAL_STATUS_INFO_TEXT,
      TlvTag.DPF_RESULT,
      TlvTag.SET_DPF,
      TlvTag.MS_AVAILABILITY_STATUS,
      TlvTag.ALERT_ON_MESSAGE_DELIVERY
    };
    int[] codes = {
      0x0005, 0x000D, 0x0204, 0x020A, 0x020B, 0x020C, 0x020D, 0x020E, 0x020F, 0x0210, 0x0019,
      0x0424, 0x001E, 0x0427, 0x0423, 0x0501, 0x1383, 0x0426, 0x0381, 0x0201, 0x1201, 0x1204,
      0x0425, 0x001D, 0x0420, 0x0421, 0x0422, 0x130C
    };

    for (int i = 0; i < tags.length; i++) {
      assertThat(tags[i] & 0xFFFF).isEqualTo(codes[i]);
      assertThat(TlvTag.nameOf(tags[i])).doesNotStartWith("0x");
    }
  }
}
