package io.vasgate.billing.charging.boss;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.vasgate.billing.charging.ChargeResult;
import io.vasgate.billing.charging.ChargeStatus;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class BossJsonCodecTest {

  private final BossJsonCodec codec = new BossJsonCodec();

  @Property
  void neverThrowsOnWhateverBytesTheBossSends(@ForAll byte[] body) {
    Optional<ChargeResult> result = codec.readAnswer("charge", body);

    result.ifPresent(r -> assertThat(r.status()).isNotEqualTo(ChargeStatus.TEMPORARY_FAILURE));
  }

  @Property
  void acceptsExactlyTheThreeDefiniteStatuses(@ForAll String status) {
    String body =
        "{\"status\":\""
            + new String(JsonStringEncoder.getInstance().quoteAsString(status))
            + "\"}";

    Optional<ChargeResult> read = read(body);

    assertThat(read.isPresent())
        .isEqualTo(
            status.equals("SUCCESS")
                || status.equals("INSUFFICIENT_BALANCE")
                || status.equals("REJECTED"));
  }

  @Example
  void readsEachDefiniteStatusAndTheDuplicateFlag() {
    assertThat(read("{\"status\":\"SUCCESS\",\"transactionId\":\"T1\",\"duplicate\":true}"))
        .hasValueSatisfying(
            r -> {
              assertThat(r.status()).isEqualTo(ChargeStatus.SUCCESS);
              assertThat(r.transactionId()).isEqualTo("T1");
              assertThat(r.detail()).contains("earlier request");
            });
    assertThat(
            read(
                "{\"status\":\"INSUFFICIENT_BALANCE\",\"transactionId\":\"T2\",\"message\":\"余额不足\"}"))
        .hasValueSatisfying(
            r -> {
              assertThat(r.status()).isEqualTo(ChargeStatus.INSUFFICIENT_BALANCE);
              assertThat(r.transactionId()).isEmpty();
              assertThat(r.detail()).endsWith("余额不足");
            });
    assertThat(read("{\"status\":\"REJECTED\",\"extra\":[1,2]}"))
        .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(ChargeStatus.REJECTED));
  }

  @Example
  void treatsAnswersWithoutAKnownStatusAsNoAnswer() {
    assertThat(read("")).isEmpty();
    assertThat(read("[]")).isEmpty();
    assertThat(read("{\"status\":\"PENDING\"}")).isEmpty();
    assertThat(read("{\"status\":1}")).isEmpty();
    assertThat(read("{\"transactionId\":\"T\"}")).isEmpty();
  }

  private Optional<ChargeResult> read(String body) {
    return codec.readAnswer("charge", body.getBytes(StandardCharsets.UTF_8));
  }
}
