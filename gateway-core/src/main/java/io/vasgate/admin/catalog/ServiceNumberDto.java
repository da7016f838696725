package io.vasgate.admin.catalog;

import io.vasgate.command.shortcode.ServiceNumber;
import java.util.List;

/**
 * A service number as the admin API reads and writes it.
 *
 * @param port the main port
 * @param language {@code zh} or {@code en}; {@code zh} when left out
 * @param cancelAllMeansQuery whether {@code 00000} lists instead of cancelling all; false when left
 *     out
 * @param words the command words; the operator defaults when left out
 * @param routes the routes the number lists itself; products' own extensions are not among them
 */
public record ServiceNumberDto(
    String port,
    String language,
    Boolean cancelAllMeansQuery,
    WordsDto words,
    List<RouteDto> routes) {

  public static ServiceNumberDto of(ServiceNumber n) {
    return new ServiceNumberDto(
        n.port(),
        n.language().tag(),
        n.cancelAllMeansQuery(),
        WordsDto.of(n.words()),
        n.routes().stream().map(RouteDto::of).toList());
  }
}
