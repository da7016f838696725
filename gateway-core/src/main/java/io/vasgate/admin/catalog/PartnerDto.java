package io.vasgate.admin.catalog;

import io.vasgate.persistence.catalog.Partner;

/** A partner (SP) as the admin API reads and writes it. */
public record PartnerDto(String code, String name) {

  public static PartnerDto of(Partner p) {
    return new PartnerDto(p.code(), p.name());
  }
}
