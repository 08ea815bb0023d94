package org.hotline12345.knowledge.search;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An article as the search index holds it.
 *
 * @param answerText the answer as plain text, without Markdown syntax
 * @param categoryPath the codes of the article's category and of its ancestors, top level first, so that a filter
 *        on any level matches
 * @param expiresOn the first day it no longer holds, or {@code null}
 */
public record IndexedArticle(long id, String slug, String title, List<String> questions, String answerText,
        List<String> tags, List<String> categoryPath, String departmentCode, String status, LocalDate effectiveFrom,
        LocalDate expiresOn, Instant updatedAt) {

    public IndexedArticle {
        questions = List.copyOf(questions);
        tags = List.copyOf(tags);
        categoryPath = List.copyOf(categoryPath);
    }

    public String categoryCode() {
        return categoryPath.get(categoryPath.size() - 1);
    }
}
