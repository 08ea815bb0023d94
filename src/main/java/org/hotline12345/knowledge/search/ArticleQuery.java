package org.hotline12345.knowledge.search;

/**
 * A search of the knowledge base.
 *
 * @param text what the agent typed; blank lists the filtered articles, most recently updated first
 * @param page zero-based
 */
public record ArticleQuery(String text, ArticleFilter filter, int page, int size) {

    public boolean hasText() {
        return text != null && !text.isBlank();
    }
}
