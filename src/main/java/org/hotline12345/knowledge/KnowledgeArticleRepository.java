package org.hotline12345.knowledge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;

import org.hotline12345.common.Page;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class KnowledgeArticleRepository implements PanacheRepository<KnowledgeArticle> {

    /** The answers of these articles by slug, read in one query without loading the articles. */
    public Map<String, String> answersBySlug(Collection<String> slugs) {
        Map<String, String> answers = new HashMap<>();
        getEntityManager().createQuery("select a.slug, a.answer from KnowledgeArticle a where a.slug in :slugs",
                Object[].class).setParameter("slugs", slugs).getResultList()
                .forEach(row -> answers.put((String) row[0], (String) row[1]));
        return answers;
    }

    public Optional<KnowledgeArticle> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** Locks the row, so that two editors saving at once are serialised and the second sees the first's version. */
    public Optional<KnowledgeArticle> findBySlugForUpdate(String slug) {
        return find("slug", slug).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public List<KnowledgeArticle> withIds(Collection<Long> ids) {
        return list("id in ?1", ids);
    }

    /** Articles in id order after {@code afterId}: a reindex reads the table in such pages. */
    public List<KnowledgeArticle> pageAfter(long afterId, int size) {
        return find("id > ?1 order by id", afterId).page(0, size).list();
    }

    public List<Long> idsUpdatedSince(Instant since) {
        return getEntityManager().createQuery("select a.id from KnowledgeArticle a where a.updatedAt >= ?1", Long.class)
                .setParameter(1, since).getResultList();
    }

    public long countImported() {
        return count("importedHash is not null");
    }

    public void countView(long id) {
        getEntityManager().createNativeQuery("update knowledge_article set view_count = view_count + 1 where id = ?1")
                .setParameter(1, id).executeUpdate();
    }

    public long viewCount(long id) {
        return ((Number) getEntityManager().createNativeQuery("select view_count from knowledge_article where id = ?1")
                .setParameter(1, id).getSingleResult()).longValue();
    }

    /**
     * A page of every article, most recently changed first, for the editors' list. {@code text} is looked for in
     * titles, questions, tags and slugs, ignoring case: editors find an article by what it is called, and the table
     * stays small enough (thousands of rows) to scan where no index helps.
     */
    @SuppressWarnings("unchecked")
    public Page<KnowledgeArticle> forEditors(String text, ArticleStatus status, int page, int size) {
        List<String> conditions = new ArrayList<>();
        if (status != null) {
            conditions.add("status = :status");
        }
        if (text != null) {
            conditions.add(
                    "(title ilike :like or slug ilike :like or array_to_string(questions || tags, ' ') ilike :like)");
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        Query count = getEntityManager().createNativeQuery("select count(*) from knowledge_article" + where);
        Query rows = getEntityManager().createNativeQuery(
                "select * from knowledge_article" + where
                        + " order by updated_at desc, id desc limit :size offset :offset",
                KnowledgeArticle.class).setParameter("size", size).setParameter("offset", (long) page * size);
        for (Query query : List.of(count, rows)) {
            if (status != null) {
                query.setParameter("status", status.name());
            }
            if (text != null) {
                // backslash is LIKE's escape character in PostgreSQL: what the editor typed is matched literally
                query.setParameter("like", "%" + text.replaceAll("[\\\\%_]", "\\\\$0") + "%");
            }
        }
        return new Page<>(rows.getResultList(), page, size, ((Number) count.getSingleResult()).longValue());
    }
}
