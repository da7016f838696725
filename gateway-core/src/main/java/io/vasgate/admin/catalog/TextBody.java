package io.vasgate.admin.catalog;

/** The body of a template change: the new template text. */
public record TextBody(String text) {}
