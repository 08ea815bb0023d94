package org.hotline12345.knowledge.search;

import java.util.List;

/**
 * A page of hits.
 *
 * @param total matching articles; a lower bound when {@code totalExact} is false (counting stops at
 *        {@link SearchBackend#EXACT_TOTAL_UP_TO})
 */
public record SearchResult(List<SearchHit> hits, long total, boolean totalExact) {
}
