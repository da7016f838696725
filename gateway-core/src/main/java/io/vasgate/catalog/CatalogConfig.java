package io.vasgate.catalog;

import io.vasgate.config.ConfigException;
import io.vasgate.config.ConfigNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the catalog is seeded from and how quickly changes reach this process.
 *
 * @param seedFile the YAML file written into an empty catalog on start; empty for none
 * @param seedFileRequired true when the file was configured explicitly, so its absence stops
 *     start-up; the default file may be missing (an install that builds its catalog through the
 *     admin API)
 * @param refreshInterval how often this process checks the database for a newer catalog version
 */
public record CatalogConfig(
    Optional<Path> seedFile, boolean seedFileRequired, Duration refreshInterval) {

  /** The seed file when none is configured, beside gateway.yaml. */
  public static final String DEFAULT_SEED_FILE = "catalog.yaml";

  /** How often to check for changes unless configured: four times a second, one tiny query each. */
  public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofMillis(250);

  /** Shortest refresh interval: faster polling only loads the database. */
  public static final Duration MIN_REFRESH_INTERVAL = Duration.ofMillis(50);

  /**
   * Longest refresh interval. A change must reach every process within a second; the check itself
   * and the reload take time too, so the interval stays well under it.
   */
  public static final Duration MAX_REFRESH_INTERVAL = Duration.ofMillis(750);

  public CatalogConfig {
    Objects.requireNonNull(seedFile, "catalog.seedFile");
    Objects.requireNonNull(refreshInterval, "catalog.refreshInterval");
    if (seedFileRequired && seedFile.isEmpty()) {
      throw new IllegalArgumentException("catalog.seedFile: a required seed file needs a path");
    }
    if (refreshInterval.compareTo(MIN_REFRESH_INTERVAL) < 0
        || refreshInterval.compareTo(MAX_REFRESH_INTERVAL) > 0) {
      throw new IllegalArgumentException(
          "catalog.refreshInterval must be between "
              + MIN_REFRESH_INTERVAL.toMillis()
              + "ms and "
              + MAX_REFRESH_INTERVAL.toMillis()
              + "ms but was "
              + refreshInterval.toMillis()
              + "ms");
    }
  }

  /** The defaults for a gateway whose configuration lives in {@code configDir}. */
  public static CatalogConfig defaults(Path configDir) {
    return new CatalogConfig(
        Optional.of(resolve(configDir, DEFAULT_SEED_FILE)), false, DEFAULT_REFRESH_INTERVAL);
  }

  /**
   * Reads the {@code catalog:} section of gateway.yaml: {@code seedFile} (relative to the folder of
   * gateway.yaml; {@code ""} for no seeding) and {@code refreshInterval}.
   *
   * @param configDir the folder of gateway.yaml; relative seed files are resolved against it
   * @throws ConfigException naming the key for a bad value
   */
  public static CatalogConfig from(ConfigNode n, Path configDir) {
    Optional<String> configured = n.optionalString("seedFile").map(String::trim);
    Optional<Path> seedFile;
    if (configured.isEmpty()) {
      seedFile = Optional.of(resolve(configDir, DEFAULT_SEED_FILE));
    } else if (configured.get().isEmpty()) {
      seedFile = Optional.empty();
    } else {
      seedFile = Optional.of(resolve(configDir, configured.get()));
    }
    Duration interval =
        n.duration(
            "refreshInterval",
            DEFAULT_REFRESH_INTERVAL,
            MIN_REFRESH_INTERVAL,
            MAX_REFRESH_INTERVAL);
    return new CatalogConfig(
        seedFile, configured.isPresent() && !configured.get().isEmpty(), interval);
  }

  private static Path resolve(Path configDir, String file) {
    Path path = Path.of(file);
    return path.isAbsolute() || configDir == null ? path : configDir.resolve(path).normalize();
  }
}
