package org.hotline12345.knowledge;

import java.time.LocalDate;
import java.util.List;

import org.hotline12345.knowledge.KnowledgeViews.CategoryRef;
import org.hotline12345.knowledge.KnowledgeViews.DepartmentRef;
import org.hotline12345.knowledge.KnowledgeViews.Source;

/**
 * What the knowledge base tells citizens and partners: the articles an editor marked public, published and in effect,
 * without anything internal (the staff's note, ratings, views, who edited). The Java API is
 * {@link KnowledgeSearch#searchPublic} and {@link KnowledgeService#readPublic}; the HTTP API is
 * {@link PublicKnowledgeResource}.
 */
public final class PublicAnswers {

    private PublicAnswers() {
    }

    /** An article found, with the matched words in {@code <em>} (the rest HTML-escaped). */
    public record Hit(String slug, String title, String titleHighlight, String snippet, CategoryRef category,
            DepartmentRef department) {
    }

    /** @param total matching articles; a lower bound when {@code totalExact} is false */
    public record Page(List<Hit> items, int page, int size, long total, boolean totalExact) {
    }

    /**
     * A public article in full.
     *
     * @param answer Markdown
     * @param department the department that answers for it
     */
    public record Article(String slug, String title, List<String> questions, String answer, CategoryRef category,
            DepartmentRef department, Source source, LocalDate effectiveFrom, LocalDate expiresOn,
            LocalDate updatedOn) {
    }
}
