package io.vasgate.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MachineInfoTest {

  @Test
  void readsTheCpuModelFromCpuinfo() {
    List<String> cpuinfo =
        List.of(
            "processor\t: 0",
            "vendor_id\t: AuthenticAMD",
            "model name\t: AMD EPYC 7B13",
            "processor\t: 1",
            "model name\t: AMD EPYC 7B13");

    assertThat(MachineInfo.cpuModel(cpuinfo)).isEqualTo("AMD EPYC 7B13");
    assertThat(MachineInfo.cpuModel(List.of())).isEqualTo("unknown");
  }

  @Test
  void readsTotalMemoryInGibibytes() {
    List<String> meminfo = List.of("MemTotal:       24522864 kB", "MemFree:        23000000 kB");

    assertThat(MachineInfo.memory(meminfo)).isEqualTo("23.4 GiB");
    assertThat(MachineInfo.memory(List.of("MemTotal: lots kB"))).isEqualTo("unknown");
  }

  @Test
  void probesTheRunningMachine() {
    MachineInfo machine = MachineInfo.probe();

    assertThat(machine.processors()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(machine.jdk()).contains(System.getProperty("java.runtime.version"));
    assertThat(machine.toMarkdown()).contains("nproc " + machine.processors()).contains("JDK");
  }
}
