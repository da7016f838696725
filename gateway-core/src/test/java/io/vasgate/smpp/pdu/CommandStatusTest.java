package io.vasgate.smpp.pdu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class CommandStatusTest {

  @ParameterizedTest(name = "{0} = 0x{1}")
  @CsvSource({
    "ESME_ROK, 00",
    "ESME_RINVMSGLEN, 01",
    "ESME_RINVCMDLEN, 02",
    "ESME_RINVCMDID, 03",
    "ESME_RINVBNDSTS, 04",
    "ESME_RALYBND, 05",
    "ESME_RINVPRTFLG, 06",
    "ESME_RINVREGDLVFLG, 07",
    "ESME_RSYSERR, 08",
    "ESME_RINVSRCADR, 0A",
    "ESME_RINVDSTADR, 0B",
    "ESME_RINVMSGID, 0C",
    "ESME_RBINDFAIL, 0D",
    "ESME_RINVPASWD, 0E",
    "ESME_RINVSYSID, 0F",
    "ESME_RCANCELFAIL, 11",
    "ESME_RREPLACEFAIL, 13",
    "ESME_RMSGQFUL, 14",
    "ESME_RINVSERTYP, 15",
    "ESME_RINVNUMDESTS, 33",
    "ESME_RINVDLNAME, 34",
    "ESME_RINVDESTFLAG, 40",
    "ESME_RINVSUBREP, 42",
    "ESME_RINVESMCLASS, 43",
    "ESME_RCNTSUBDL, 44",
    "ESME_RSUBMITFAIL, 45",
    "ESME_RINVSRCTON, 48",
    "ESME_RINVSRCNPI, 49",
    "ESME_RINVDSTTON, 50",
    "ESME_RINVDSTNPI, 51",
    "ESME_RINVSYSTYP, 53",
    "ESME_RINVREPFLAG, 54",
    "ESME_RINVNUMMSGS, 55",
    "ESME_RTHROTTLED, 58",
    "ESME_RINVSCHED, 61",
    "ESME_RINVEXPIRY, 62",
    "ESME_RINVDFTMSGID, 63",
    "ESME_RX_T_APPN, 64",
    "ESME_RX_P_APPN, 65",
    "ESME_RX_R_APPN, 66",
    "ESME_RQUERYFAIL, 67",
    "ESME_RINVOPTPARSTREAM, C0",
    "ESME_ROPTPARNOTALLWD, C1",
    "ESME_RINVPARLEN, C2",
    "ESME_RMISSINGOPTPARAM, C3",
    "ESME_RINVOPTPARAMVAL, C4",
    "ESME_RDELIVERYFAILURE, FE",
    "ESME_RUNKNOWNERR, FF"
  })
  void carriesTheSpecificationCode(String name, String hexCode) {
    CommandStatus status = CommandStatus.valueOf(name);

    assertThat(status.code()).isEqualTo(Integer.parseInt(hexCode, 16));
    assertThat(CommandStatus.of(status.code())).contains(status);
  }

  @Test
  void definesEachCodeOnce() {
    assertThat(CommandStatus.values()).hasSize(48);
    assertThat(Arrays.stream(CommandStatus.values()).map(CommandStatus::code).distinct())
        .hasSize(48);
  }

  @ParameterizedTest
  @EnumSource(CommandStatus.class)
  void hasADescription(CommandStatus status) {
    assertThat(status.description()).isNotBlank();
  }

  @Test
  void leavesVendorAndReservedCodesUnnamed() {
    assertThat(CommandStatus.of(0x09)).isEmpty();
    assertThat(CommandStatus.of(0x400)).isEmpty();
    assertThat(CommandStatus.describe(0x400)).isEqualTo("0x400");
    assertThat(CommandStatus.describe(0x58)).isEqualTo("ESME_RTHROTTLED(0x58)");
  }
}
