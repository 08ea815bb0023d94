package org.hotline12345.dispatch;

/** Fired inside a transaction that wrote responsibility rules. */
public record RulesChanged() {
}
