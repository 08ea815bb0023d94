package org.hotline12345.knowledge;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What the knowledge API returns. */
public final class KnowledgeViews {

    private KnowledgeViews() {
    }

    /** @param path the names from the top level down, e.g. 劳动和社会保障 / 社会保险 / 养老保险 */
    public record CategoryRef(String code, String name, String path) {
    }

    public record DepartmentRef(String code, String name) {
    }

    public record Source(String name, String number) {
    }

    /**
     * @param mine the reader's own rating, {@code null} when they have not rated
     */
    public record FeedbackCounts(long helpful, long unhelpful, Boolean mine) {
    }

    /**
     * An article in full.
     *
     * @param department the owner department
     * @param publicAnswer whether citizens and partners may find it
     * @param internalNote for the hotline's staff only
     * @param reviewOn when the owner department is to check it again
     * @param currentlyValid whether it is published and in effect today, i.e. whether agents see it
     */
    public record ArticleView(long id, String slug, int version, String title, List<String> questions, String answer,
            CategoryRef category, DepartmentRef department, Source source, LocalDate effectiveFrom,
            LocalDate expiresOn, List<String> tags, ArticleStatus status, boolean publicAnswer, String internalNote,
            LocalDate reviewOn, boolean currentlyValid, long viewCount,
            FeedbackCounts feedback, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
    }

    /** An article found by a search, with the matched words in {@code <em>} (the rest HTML-escaped). */
    public record ArticleHit(long id, String slug, String title, String titleHighlight, String snippet,
            CategoryRef category, DepartmentRef department, ArticleStatus status, LocalDate effectiveFrom,
            LocalDate expiresOn, float score) {
    }

    public record VersionSummary(int version, List<String> changedFields, String changedBy, String changedByRole,
            Instant changedAt, String note) {
    }

    public record VersionView(int version, List<String> changedFields, String changedBy, String changedByRole,
            Instant changedAt, String note, ArticleContent content) {
    }

    public record FeedbackView(String username, String displayName, boolean helpful, String comment,
            Instant updatedAt) {
    }

    /**
     * @param total matching articles; a lower bound when {@code totalExact} is false
     */
    public record SearchPage(List<ArticleHit> items, int page, int size, long total, boolean totalExact) {
    }

    /**
     * A line of the editors' list.
     *
     * @param updatedAt in the city's zone
     */
    public record ArticleRow(String slug, String title, CategoryRef category, DepartmentRef department,
            List<String> tags, ArticleStatus status, int version, OffsetDateTime updatedAt, String updatedBy,
            FeedbackCounts feedback) {
    }
}
