package org.hotline12345.knowledge;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class KnowledgeArticleRepository implements PanacheRepository<KnowledgeArticle> {

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
}
