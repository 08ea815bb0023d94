package org.hotline12345.knowledge;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** An agent's rating of an article: helpful or not, with a comment. Written by an upsert, read here. */
@Entity
@Immutable
@Table(name = "knowledge_feedback")
public class ArticleFeedback {

    @Id
    private Long id;

    @Column(name = "article_id", nullable = false)
    private long articleId;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(nullable = false)
    private boolean helpful;

    private String comment;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ArticleFeedback() {
    }

    public long getArticleId() {
        return articleId;
    }

    public long getUserId() {
        return userId;
    }

    public boolean isHelpful() {
        return helpful;
    }

    public String getComment() {
        return comment;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
