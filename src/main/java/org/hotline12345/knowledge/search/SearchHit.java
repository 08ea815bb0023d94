package org.hotline12345.knowledge.search;

import java.time.LocalDate;

/**
 * One article found.
 *
 * @param titleHighlight the title, HTML-escaped, with matched words in {@code <em>}
 * @param snippet the best passages of the answer, HTML-escaped, with matched words in {@code <em>}
 */
public record SearchHit(long id, String slug, String title, String titleHighlight, String snippet,
        String categoryCode, String departmentCode, String status, LocalDate effectiveFrom, LocalDate expiresOn,
        float score) {
}
