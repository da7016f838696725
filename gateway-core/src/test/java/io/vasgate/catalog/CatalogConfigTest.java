package io.vasgate.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vasgate.config.ConfigException;
import io.vasgate.config.GatewayConfigLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CatalogConfigTest {

  private final GatewayConfigLoader loader = new GatewayConfigLoader();
  private final Path conf = Path.of("/opt/vasgate/conf");

  @Test
  void seedsFromCatalogYamlBesideGatewayYamlByDefault() {
    CatalogConfig config = loader.parse("", conf).catalog();

    assertThat(config.seedFile()).contains(conf.resolve("catalog.yaml"));
    assertThat(config.seedFileRequired()).isFalse();
    assertThat(config.refreshInterval()).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void aConfiguredSeedFileIsResolvedAgainstTheConfigFolderAndRequired() {
    CatalogConfig relative =
        loader
            .parse("catalog:\n  seedFile: seeds/prod.yaml\n  refreshInterval: 100ms\n", conf)
            .catalog();
    assertThat(relative.seedFile()).contains(Path.of("/opt/vasgate/conf/seeds/prod.yaml"));
    assertThat(relative.seedFileRequired()).isTrue();
    assertThat(relative.refreshInterval()).isEqualTo(Duration.ofMillis(100));

    CatalogConfig absolute = loader.parse("catalog:\n  seedFile: /srv/c.yaml\n", conf).catalog();
    assertThat(absolute.seedFile()).contains(Path.of("/srv/c.yaml"));
  }

  @Test
  void anEmptySeedFileSeedsNothing() {
    CatalogConfig config = loader.parse("catalog:\n  seedFile: \"\"\n", conf).catalog();
    assertThat(config.seedFile()).isEqualTo(Optional.empty());
    assertThat(config.seedFileRequired()).isFalse();
  }

  @Test
  void aRefreshIntervalThatCouldMissTheOneSecondBoundIsRefused() {
    assertThatThrownBy(() -> loader.parse("catalog:\n  refreshInterval: 2s\n", conf))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("catalog.refreshInterval: must be between");
    assertThatThrownBy(() -> loader.parse("catalog:\n  refreshInterval: 10ms\n", conf))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("catalog.refreshInterval");
  }

  @Test
  void aMisspeltKeyIsRefused() {
    assertThatThrownBy(() -> loader.parse("catalog:\n  seedfile: x.yaml\n", conf))
        .isInstanceOf(ConfigException.class)
        .hasMessage("catalog.seedfile: is not a known setting");
  }
}
