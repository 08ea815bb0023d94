package org.hotline12345.knowledge;

/** Fired inside the transaction that changed articles; the index follows once it commits. */
public record KnowledgeChanged() {
}
