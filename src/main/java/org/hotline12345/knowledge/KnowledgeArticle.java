package org.hotline12345.knowledge;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * 知识库文章: a policy answer agents read to callers. PostgreSQL holds the truth; the search index follows it. The
 * version counts saved contents; it is raised by hand under a row lock, so view counts and feedback never conflict
 * with an editor's save.
 */
@Entity
@Table(name = "knowledge_article")
public class KnowledgeArticle {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "knowledge_article_seq")
    @SequenceGenerator(name = "knowledge_article_seq", sequenceName = "knowledge_article_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, unique = true, updatable = false)
    private String slug;

    @Column(nullable = false)
    private int version;

    @Column(nullable = false)
    private String title;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    private List<String> questions;

    @Column(nullable = false)
    private String answer;

    @Column(name = "category_id", nullable = false)
    private long categoryId;

    @Column(name = "department_id", nullable = false)
    private long departmentId;

    @Column(name = "source_name", nullable = false)
    private String sourceName;

    @Column(name = "source_number")
    private String sourceNumber;

    @Column(name = "effective_from", nullable = false)
    private LocalDate effectiveFrom;

    @Column(name = "expires_on")
    private LocalDate expiresOn;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    private List<String> tags;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ArticleStatus status;

    /** Raised by a bulk update, never through the entity, so that reading an article takes no lock. */
    @Column(name = "public_answer", nullable = false)
    private boolean publicAnswer;

    @Column(name = "internal_note")
    private String internalNote;

    @Column(name = "review_on", nullable = false)
    private LocalDate reviewOn;

    @Column(name = "view_count", nullable = false, insertable = false, updatable = false)
    private long viewCount;

    @Column(name = "imported_hash")
    private String importedHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    protected KnowledgeArticle() {
    }

    public KnowledgeArticle(String slug, String username, Instant now) {
        this.slug = slug;
        this.createdAt = now;
        this.createdBy = username;
    }

    /** Saves new content as the next version. */
    void write(ArticleContent content, long categoryId, long departmentId, String username, Instant now) {
        this.version++;
        this.title = content.title();
        this.questions = content.questions();
        this.answer = content.answer();
        this.categoryId = categoryId;
        this.departmentId = departmentId;
        this.sourceName = content.sourceName();
        this.sourceNumber = content.sourceNumber();
        this.effectiveFrom = content.effectiveFrom();
        this.expiresOn = content.expiresOn();
        this.tags = content.tags();
        this.status = content.status();
        this.publicAnswer = content.publicAnswer();
        this.internalNote = content.internalNote();
        this.reviewOn = content.reviewOn();
        this.updatedAt = now;
        this.updatedBy = username;
    }

    void markImported(String hash) {
        this.importedHash = hash;
    }

    public Long getId() {
        return id;
    }

    public String getSlug() {
        return slug;
    }

    public int getVersion() {
        return version;
    }

    public String getTitle() {
        return title;
    }

    public List<String> getQuestions() {
        return questions;
    }

    public String getAnswer() {
        return answer;
    }

    public long getCategoryId() {
        return categoryId;
    }

    public long getDepartmentId() {
        return departmentId;
    }

    public String getSourceName() {
        return sourceName;
    }

    public String getSourceNumber() {
        return sourceNumber;
    }

    public LocalDate getEffectiveFrom() {
        return effectiveFrom;
    }

    public LocalDate getExpiresOn() {
        return expiresOn;
    }

    public List<String> getTags() {
        return tags;
    }

    public ArticleStatus getStatus() {
        return status;
    }

    public boolean isPublicAnswer() {
        return publicAnswer;
    }

    public String getInternalNote() {
        return internalNote;
    }

    public LocalDate getReviewOn() {
        return reviewOn;
    }

    public long getViewCount() {
        return viewCount;
    }

    public String getImportedHash() {
        return importedHash;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }
}
