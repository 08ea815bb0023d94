package org.hotline12345.knowledge;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One saved version of an article: its whole content as JSON, which fields changed, who saved it and when.
 * Append-only: immutable here and refused by the database.
 */
@Entity
@Immutable
@IdClass(ArticleVersion.Key.class)
@Table(name = "knowledge_article_version")
public class ArticleVersion {

    @Id
    @Column(name = "article_id")
    private long articleId;

    @Id
    @Column(name = "version")
    private int version;

    /** {@link ArticleContent} as JSON. */
    @Column(nullable = false)
    private String content;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "changed_fields", nullable = false, columnDefinition = "text[]")
    private List<String> changedFields;

    @Column(name = "changed_by", nullable = false)
    private String changedBy;

    /** A role name, or {@code SYSTEM} for the import at first start. */
    @Column(name = "changed_by_role", nullable = false)
    private String changedByRole;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    private String note;

    protected ArticleVersion() {
    }

    ArticleVersion(long articleId, int version, String content, List<String> changedFields, String changedBy,
            String changedByRole, Instant changedAt, String note) {
        this.articleId = articleId;
        this.version = version;
        this.content = content;
        this.changedFields = List.copyOf(changedFields);
        this.changedBy = changedBy;
        this.changedByRole = changedByRole;
        this.changedAt = changedAt;
        this.note = note;
    }

    public long getArticleId() {
        return articleId;
    }

    public int getVersion() {
        return version;
    }

    public String getContent() {
        return content;
    }

    public List<String> getChangedFields() {
        return changedFields;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public String getChangedByRole() {
        return changedByRole;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public String getNote() {
        return note;
    }

    public static class Key implements Serializable {
        long articleId;
        int version;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && other.articleId == articleId && other.version == version;
        }

        @Override
        public int hashCode() {
            return Objects.hash(articleId, version);
        }
    }
}
