package io.vasgate.admin;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Map;

/**
 * What {@code /health} answers.
 *
 * @param status {@code UP} when every component is up, else {@code DOWN}
 * @param components each component's own state and details
 */
public record HealthReport(String status, Map<String, Component> components) {

  /** One part of the gateway, e.g. the database or the SMPP listener. */
  public record Component(boolean up, Map<String, Object> details) {}

  public static HealthReport of(Map<String, Component> components) {
    boolean up = components.values().stream().allMatch(Component::up);
    return new HealthReport(up ? "UP" : "DOWN", components);
  }

  @JsonIgnore
  public boolean isUp() {
    return "UP".equals(status);
  }
}
