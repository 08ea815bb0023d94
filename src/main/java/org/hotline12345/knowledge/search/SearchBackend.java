package org.hotline12345.knowledge.search;

import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Where the knowledge base is indexed and searched: embedded Lucene or Elasticsearch. Both score with BM25 over the
 * same fields and {@link SearchTuning}, apply the same {@link ChineseAnalysis} and answer through this one interface.
 * PostgreSQL remains the source of truth; an index can always be rebuilt from it.
 */
public interface SearchBackend extends AutoCloseable {

    /**
     * Totals are counted exactly up to this many hits, and reported as a lower bound beyond: counting every match of a
     * common word would cost more than the search itself, and no agent pages that far.
     */
    int EXACT_TOTAL_UP_TO = 1_000;

    /** {@code lucene} or {@code elasticsearch}. */
    String name();

    /** Adds the articles or replaces them (by id); visible to searches when this returns. */
    void upsert(List<IndexedArticle> articles);

    void delete(Collection<Long> ids);

    /**
     * Replaces the whole index with these articles. Searches see the old index until the new one is complete.
     *
     * @param progress told the number of articles indexed so far, now and then
     */
    void rebuild(Iterator<IndexedArticle> articles, LongConsumer progress);

    /** Whether the index is missing or was built with another analysis or schema, and needs {@link #rebuild}. */
    boolean needsRebuild();

    long count();

    /**
     * Whether this index belongs to one service instance (the embedded one), so that each instance follows the
     * database's change log into its own index, rather than one instance writing a change for all.
     */
    default boolean perInstance() {
        return false;
    }

    /** How far this index has followed the database's change log (an opaque position); {@code null} if unknown. */
    default String followed() {
        return null;
    }

    /**
     * Records how far this index has followed the change log, kept with the index at its next commit, or now when
     * {@code persist}.
     */
    default void follow(String position, boolean persist) {
        throw new UnsupportedOperationException(name() + " is shared by every instance and follows no change log");
    }

    SearchResult search(ArticleQuery query);

    /** Titles and alternative questions containing {@code typed}, best first: titles, then starts before contains. */
    List<Suggestion> autocomplete(String typed, ArticleFilter filter, int limit);

    /**
     * Articles whose words resemble the text (more-like-this), for "similar articles" and for suggesting articles for
     * a work order.
     *
     * @param emphasis text that weighs more than {@code text}, such as a work order's title; may be blank
     * @param excludeId an article not to return, or {@code null}
     */
    List<SearchHit> moreLikeThis(String emphasis, String text, ArticleFilter filter, Long excludeId, int size);

    @Override
    void close();
}
