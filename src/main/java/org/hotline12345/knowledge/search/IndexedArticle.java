package org.hotline12345.knowledge.search;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An article as the search index holds it.
 *
 * @param version the saved version the entry was made from
 * @param answerText the answer as plain text, without Markdown syntax
 * @param categoryPath the codes of the article's category and of its ancestors, top level first, so that a filter
 *        on any level matches
 * @param publicAnswer whether citizens and partners may find it (an editor marked it public)
 * @param expiresOn the first day it no longer holds, or {@code null}
 * @param vectors the unit vectors of its {@link Passages}; empty where semantic search is off
 */
public record IndexedArticle(long id, String slug, int version, String title, List<String> questions,
        String answerText, List<String> tags, List<String> categoryPath, String departmentCode, String status,
        boolean publicAnswer, LocalDate effectiveFrom, LocalDate expiresOn, Instant updatedAt, List<float[]> vectors) {

    public IndexedArticle {
        questions = List.copyOf(questions);
        tags = List.copyOf(tags);
        categoryPath = List.copyOf(categoryPath);
        vectors = List.copyOf(vectors);
    }

    public String categoryCode() {
        return categoryPath.get(categoryPath.size() - 1);
    }

    /** The texts its vectors encode. */
    public List<String> passages() {
        return Passages.of(title, questions, answerText);
    }

    public IndexedArticle withVectors(List<float[]> encoded) {
        return new IndexedArticle(id, slug, version, title, questions, answerText, tags, categoryPath,
                departmentCode, status, publicAnswer, effectiveFrom, expiresOn, updatedAt, encoded);
    }
}
