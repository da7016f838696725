package io.vasgate.smpp.pdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class CommandIdTest {

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "bind_receiver, 00000001",
    "bind_transmitter, 00000002",
    "query_sm, 00000003",
    "submit_sm, 00000004",
    "deliver_sm, 00000005",
    "unbind, 00000006",
    "replace_sm, 00000007",
    "cancel_sm, 00000008",
    "bind_transceiver, 00000009",
    "outbind, 0000000B",
    "enquire_link, 00000015",
    "submit_multi, 00000021",
    "alert_notification, 00000102",
    "data_sm, 00000103",
    "generic_nack, 80000000",
    "bind_receiver_resp, 80000001",
    "bind_transmitter_resp, 80000002",
    "query_sm_resp, 80000003",
    "submit_sm_resp, 80000004",
    "deliver_sm_resp, 80000005",
    "unbind_resp, 80000006",
    "replace_sm_resp, 80000007",
    "cancel_sm_resp, 80000008",
    "bind_transceiver_resp, 80000009",
    "enquire_link_resp, 80000015",
    "submit_multi_resp, 80000021",
    "data_sm_resp, 80000103"
  })
  void carriesTheSpecificationCode(String specName, String hexCode) {
    int code = Integer.parseUnsignedInt(hexCode, 16);

    CommandId id = CommandId.fromCode(code);

    assertThat(id).isNotNull();
    assertThat(id.specName()).isEqualTo(specName);
    assertThat(id.code()).isEqualTo(code);
    assertThat(id.isResponse()).isEqualTo(hexCode.startsWith("8"));
  }

  @Test
  void definesEverySmpp34CommandOnce() {
    assertThat(CommandId.values()).hasSize(27);
    assertThat(Arrays.stream(CommandId.values()).map(CommandId::code).distinct()).hasSize(27);
  }

  @Test
  void returnsNullForUnknownCodes() {
    assertThat(CommandId.fromCode(0x00000099)).isNull();
    assertThat(CommandId.fromCode(0x80000099)).isNull();
    assertThat(CommandId.fromCode(0x00000111)).as("SMPP 5.0 broadcast_sm").isNull();
  }

  @ParameterizedTest
  @EnumSource(
      value = CommandId.class,
      names = {"OUTBIND", "ALERT_NOTIFICATION"},
      mode = EnumSource.Mode.EXCLUDE)
  void answersEachRequestWithTheResponseOfItsCodeOrResponseBit(CommandId id) {
    if (id.isResponse()) {
      assertThatThrownBy(id::responseId).isInstanceOf(IllegalStateException.class);
    } else {
      assertThat(id.responseId().code()).isEqualTo(id.code() | 0x80000000);
      assertThat(id.responseId().isResponse()).isTrue();
    }
  }

  @Test
  void answersRequestsWithoutAResponseWithGenericNack() {
    assertThat(CommandId.OUTBIND.responseId()).isEqualTo(CommandId.GENERIC_NACK);
    assertThat(CommandId.ALERT_NOTIFICATION.responseId()).isEqualTo(CommandId.GENERIC_NACK);
  }

  @Test
  void mapsBindTypesToTheirCommands() {
    assertThat(BindType.of(CommandId.BIND_RECEIVER)).isEqualTo(BindType.RECEIVER);
    assertThat(BindType.of(CommandId.BIND_TRANSCEIVER_RESP)).isEqualTo(BindType.TRANSCEIVER);
    assertThat(BindType.TRANSMITTER.responseId()).isEqualTo(CommandId.BIND_TRANSMITTER_RESP);
    assertThat(BindType.RECEIVER.canTransmit()).isFalse();
    assertThat(BindType.TRANSMITTER.canReceive()).isFalse();
    assertThat(BindType.TRANSCEIVER.canTransmit() && BindType.TRANSCEIVER.canReceive()).isTrue();
    assertThatThrownBy(() -> BindType.of(CommandId.SUBMIT_SM))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
