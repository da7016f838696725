package io.vasgate.loadtest.mo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vasgate.account.AccountSpec;
import io.vasgate.account.EsmeRole;
import io.vasgate.app.TestGateway;
import io.vasgate.config.GatewayConfig;
import io.vasgate.smpp.pdu.BindType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineServerMainTest {

  private static final String URL = "jdbc:mysql://127.0.0.1:3999/vasgate";

  /** The shipped conf/gateway.yaml, beside the shipped catalog. */
  private static Path shippedGatewayYaml() {
    return TestGateway.shippedCatalog().resolveSibling("gateway.yaml");
  }

  @Test
  void startsFromTheShippedConfigurationWithTheSampleCatalogAndARaisedMoSource() {
    GatewayConfig config = PipelineServerMain.config(shippedGatewayYaml(), URL, List.of());

    AccountSpec mo =
        config.accounts().stream().filter(a -> a.systemId().equals("mo")).findFirst().orElseThrow();
    assertThat(mo.role()).isEqualTo(EsmeRole.MO_SOURCE);
    assertThat(mo.allowedBindTypes()).contains(BindType.TRANSCEIVER);
    assertThat(mo.maxBinds()).isEqualTo(PipelineServerMain.MAX_BINDS);
    assertThat(mo.windowSize()).isEqualTo(PipelineServerMain.WINDOW_SIZE);
    assertThat(mo.maxSubmitPerSecond()).isEqualTo(PipelineServerMain.MAX_SUBMIT_PER_SECOND);
    assertThat(config.catalog().seedFile()).contains(TestGateway.shippedCatalog().toAbsolutePath());
    assertThat(config.database().url()).contains(URL);
    assertThat(config.smpp().host()).isEqualTo("127.0.0.1");
    assertThat(config.smpp().port()).isZero();
    assertThat(config.admin().port()).isZero();
    // Everything the benchmark does not need to change stays as shipped.
    assertThat(config.pipeline().journalBatch()).isEqualTo(500);
    assertThat(config.database().maximumPoolSize()).isEqualTo(16);
  }

  @Test
  void appliesOverridesAfterItsOwnChanges() {
    GatewayConfig config =
        PipelineServerMain.config(
            shippedGatewayYaml(),
            URL,
            List.of("pipeline.journalBatch=1000", "database.maximumPoolSize = 32"));

    assertThat(config.pipeline().journalBatch()).isEqualTo(1000);
    assertThat(config.database().maximumPoolSize()).isEqualTo(32);
  }

  @Test
  void refusesAnOverrideThatIsNotKeyEqualsValue() {
    assertThatThrownBy(
            () -> PipelineServerMain.config(shippedGatewayYaml(), URL, List.of("journalBatch")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("journalBatch");
  }
}
