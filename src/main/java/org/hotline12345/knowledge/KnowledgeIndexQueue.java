package org.hotline12345.knowledge;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Articles whose index entry is to be written, kept in the database in the same transaction as the change: a change
 * reaches the index even when the search backend is down at the time, or the service stops right after the commit.
 */
@ApplicationScoped
public class KnowledgeIndexQueue {

    @Inject
    EntityManager entityManager;

    public void enqueue(long articleId, Instant now) {
        entityManager.createNativeQuery("""
                insert into knowledge_index_queue (article_id, queued_at) values (?1, ?2)
                on conflict (article_id) do update set queued_at = excluded.queued_at
                """).setParameter(1, articleId).setParameter(2, now).executeUpdate();
    }

    /**
     * Takes up to {@code limit} queued articles for this transaction, oldest first. Rows another transaction holds are
     * skipped, so drains on several threads or instances never write the same article at once.
     */
    @SuppressWarnings("unchecked")
    public List<Long> claim(int limit) {
        List<Number> ids = entityManager.createNativeQuery("""
                select article_id from knowledge_index_queue order by queued_at
                limit ?1 for update skip locked
                """).setParameter(1, limit).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /** The next {@code limit} queued articles, oldest first, without claiming them. */
    @SuppressWarnings("unchecked")
    public List<Long> peek(int limit) {
        List<Number> ids = entityManager.createNativeQuery(
                "select article_id from knowledge_index_queue order by queued_at limit ?1")
                .setParameter(1, limit).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /** Removes claimed rows; an article changed meanwhile waits on the row lock and is queued again afterwards. */
    public void remove(List<Long> articleIds) {
        entityManager.createNativeQuery("delete from knowledge_index_queue where article_id in (?1)")
                .setParameter(1, articleIds).executeUpdate();
    }

    public long size() {
        return ((Number) entityManager.createNativeQuery("select count(*) from knowledge_index_queue")
                .getSingleResult()).longValue();
    }
}
