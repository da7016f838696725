package io.vasgate.account;

import io.vasgate.smpp.pdu.BindType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Account specs with sensible defaults, changed one field at a time. */
final class TestAccounts {

  private TestAccounts() {}

  static Builder account(String systemId) {
    return new Builder(systemId);
  }

  static final class Builder {
    private final String systemId;
    private String password = "secret";
    private Set<BindType> bindTypes = EnumSet.allOf(BindType.class);
    private int maxBinds = 1;
    private List<CidrRange> allowlist = List.of();
    private EsmeRole role = EsmeRole.ESME;
    private int maxSubmitPerSecond = 100;
    private int windowSize = 10;
    private boolean enabled = true;

    private Builder(String systemId) {
      this.systemId = systemId;
    }

    Builder password(String value) {
      password = value;
      return this;
    }

    Builder bindTypes(BindType first, BindType... rest) {
      bindTypes = EnumSet.of(first, rest);
      return this;
    }

    Builder maxBinds(int value) {
      maxBinds = value;
      return this;
    }

    Builder allowlist(String... ranges) {
      allowlist = java.util.Arrays.stream(ranges).map(CidrRange::parse).toList();
      return this;
    }

    Builder role(EsmeRole value) {
      role = value;
      return this;
    }

    Builder maxSubmitPerSecond(int value) {
      maxSubmitPerSecond = value;
      return this;
    }

    Builder windowSize(int value) {
      windowSize = value;
      return this;
    }

    Builder enabled(boolean value) {
      enabled = value;
      return this;
    }

    AccountSpec spec() {
      return new AccountSpec(
          systemId,
          password,
          bindTypes,
          maxBinds,
          allowlist,
          role,
          maxSubmitPerSecond,
          windowSize,
          enabled);
    }

    EsmeAccount account(PasswordHasher hasher) {
      return spec().toAccount(hasher);
    }
  }
}
