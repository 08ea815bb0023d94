package org.hotline12345.knowledge.search;

/**
 * An autocomplete entry for the search box.
 *
 * @param text the title or alternative question that contains what was typed
 * @param question whether {@code text} is one of the alternative questions rather than the title
 */
public record Suggestion(long id, String slug, String title, String text, boolean question) {
}
