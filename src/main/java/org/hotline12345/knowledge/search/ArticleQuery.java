package org.hotline12345.knowledge.search;

/**
 * A search of the knowledge base.
 *
 * @param text what the agent typed, or a citizen's whole message; blank lists the filtered articles, most recently
 *        updated first
 * @param vector the unit vector of the text, for word matching and vectors together; {@code null} for word matching
 *        only
 * @param page zero-based
 */
public record ArticleQuery(String text, float[] vector, ArticleFilter filter, int page, int size) {

    /** A search by word matching only. */
    public ArticleQuery(String text, ArticleFilter filter, int page, int size) {
        this(text, null, filter, page, size);
    }

    public boolean hasText() {
        return text != null && !text.isBlank();
    }

    public boolean hybrid() {
        return hasText() && vector != null;
    }
}
