package io.vasgate.admin.catalog;

import io.vasgate.persistence.catalog.TemplateOverride;

/** A stored template override, as the audit log shows it. */
public record TemplateOverrideDto(String port, String language, String key, String text) {

  public static TemplateOverrideDto of(TemplateOverride t) {
    return new TemplateOverrideDto(t.port(), t.language().tag(), t.key().id(), t.text());
  }
}
