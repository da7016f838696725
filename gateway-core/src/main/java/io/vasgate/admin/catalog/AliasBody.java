package io.vasgate.admin.catalog;

/** The body of an alias addition. */
public record AliasBody(String alias) {}
