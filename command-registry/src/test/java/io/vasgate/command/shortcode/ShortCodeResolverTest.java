package io.vasgate.command.shortcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShortCodeResolverTest {

  private static final ServiceNumber MAIN =
      ServiceNumber.of("10658880")
          .withRoutes(
              List.of(
                  new ExtensionRoute.ToProduct("02", "TQ"),
                  new ExtensionRoute.ToCampaign("021", "SPRING"),
                  new ExtensionRoute.ToPartner("9", "905555")));
  private static final ServiceNumber SHORTER = ServiceNumber.of("1065888");

  private final ShortCodeResolver resolver = new ShortCodeResolver(List.of(SHORTER, MAIN));

  @Test
  void splitsDestinationIntoPortAndExtension() {
    ShortCode shortCode = resolver.resolve("1065888002").orElseThrow();

    assertThat(shortCode.port()).isEqualTo("10658880");
    assertThat(shortCode.extension()).isEqualTo("02");
    assertThat(shortCode.route()).contains(new ExtensionRoute.ToProduct("02", "TQ"));
  }

  @Test
  void takesTheLongestPortThatPrefixesTheDestination() {
    assertThat(resolver.resolve("10658880").map(ShortCode::port)).contains("10658880");
    assertThat(resolver.resolve("10658881").map(ShortCode::port)).contains("1065888");
    assertThat(resolver.resolve("10658881").map(ShortCode::extension)).contains("1");
  }

  @Test
  void takesTheLongestExtensionThatPrefixesTheRest() {
    assertThat(resolver.resolve("106588800215").flatMap(ShortCode::route))
        .contains(new ExtensionRoute.ToCampaign("021", "SPRING"));
    assertThat(resolver.resolve("106588800299").flatMap(ShortCode::route))
        .contains(new ExtensionRoute.ToProduct("02", "TQ"));
    assertThat(resolver.resolve("1065888095").flatMap(ShortCode::route))
        .contains(new ExtensionRoute.ToPartner("9", "905555"));
    assertThat(resolver.resolve("1065888007").flatMap(ShortCode::route)).isEmpty();
    assertThat(resolver.resolve("10658880").flatMap(ShortCode::route)).isEmpty();
  }

  @Test
  void resolvesNothingOutsideTheConfiguredNumbers() {
    assertThat(resolver.resolve("10659999")).isEmpty();
    assertThat(resolver.resolve("106588")).isEmpty();
    assertThat(resolver.resolve("")).isEmpty();
    assertThat(resolver.resolve(null)).isEmpty();
    assertThat(resolver.resolve("1065888002 ")).isEmpty();
    assertThat(resolver.resolve("+861065888002")).isEmpty();
    assertThat(resolver.resolve("1065888" + "0".repeat(ShortCode.MAX_DESTINATION_DIGITS)))
        .isEmpty();
  }

  @Test
  void matchesTheLinearLookupOfServiceNumber() {
    for (String extension : List.of("", "0", "02", "021", "0215", "9", "99", "7")) {
      Optional<ExtensionRoute> indexed =
          resolver.resolve("10658880" + extension).flatMap(ShortCode::route);
      assertThat(indexed).as(extension).isEqualTo(MAIN.route(extension));
    }
  }

  @Test
  void rejectsAPortConfiguredTwice() {
    assertThatThrownBy(() -> new ShortCodeResolver(List.of(MAIN, ServiceNumber.of("10658880"))))
        .hasMessageContaining("10658880 is configured twice");
  }

  @Test
  void serviceNumberRejectsTwoRoutesOnOneExtensionNamingBoth() {
    assertThatThrownBy(
            () ->
                ServiceNumber.of("10658880")
                    .withRoutes(
                        List.of(
                            new ExtensionRoute.ToProduct("02", "TQ"),
                            new ExtensionRoute.ToCampaign("02", "SPRING"))))
        .hasMessageContaining("02 -> product TQ")
        .hasMessageContaining("02 -> campaign SPRING");
  }

  @Test
  void serviceNumberRejectsMalformedPortsAndExtensions() {
    assertThatThrownBy(() -> ServiceNumber.of("1065-8880")).hasMessageContaining("'1065-8880'");
    assertThatThrownBy(() -> ServiceNumber.of("1".repeat(21))).hasMessageContaining("20 digits");
    assertThatThrownBy(() -> new ExtensionRoute.ToCampaign("", "X")).hasMessageContaining("''");
    assertThatThrownBy(
            () ->
                ServiceNumber.of("1".repeat(19))
                    .withRoutes(List.of(new ExtensionRoute.ToCampaign("12", "X"))))
        .hasMessageContaining("longer than 20 digits");
  }

  @Test
  void commandWordsRejectBlankWordsAndMissingEssentials() {
    assertThatThrownBy(() -> CommandWords.DEFAULTS.withSubscribe(List.of()))
        .hasMessageContaining("subscribe");
    assertThatThrownBy(() -> CommandWords.DEFAULTS.withHelp(List.of("?", " ")))
        .hasMessageContaining("blank");
    assertThat(CommandWords.DEFAULTS.withUnsubscribeAll(List.of()).unsubscribeAll()).isEmpty();
  }
}
