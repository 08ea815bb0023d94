package org.hotline12345.knowledge;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The log of article changes that every instance's embedded index follows. A position is the xmin of a database
 * snapshot: every transaction before it has finished, so reading the changes of transactions from a position on
 * misses none, even one that committed after others that started later.
 */
@ApplicationScoped
public class KnowledgeChanges {

    /** The articles changed from a position on, and the position to read from next time. */
    public record Since(List<Long> articleIds, String next) {
    }

    @Inject
    EntityManager entityManager;

    /** Appends a change in the caller's transaction, which the row is tagged with. */
    public void record(long articleId, int version, Instant now) {
        entityManager.createNativeQuery("""
                insert into knowledge_change (article_id, version, changed_at) values (?1, ?2, ?3)""")
                .setParameter(1, articleId).setParameter(2, version).setParameter(3, now).executeUpdate();
    }

    /** Where the log stands now: a rebuild that starts here misses nothing committed after it. */
    public String position() {
        return (String) entityManager.createNativeQuery("select cast(pg_snapshot_xmin(pg_current_snapshot()) as text)")
                .getSingleResult();
    }

    /**
     * The articles changed by transactions from {@code position} on, read in one statement (one snapshot) with the
     * snapshot's xmin, the next position: transactions still running now are read again next time. One row per
     * article, or one row without an article when none changed.
     */
    @SuppressWarnings("unchecked")
    public Since since(String position) {
        List<Object[]> rows = entityManager.createNativeQuery(
                """
                        select cast(pg_snapshot_xmin(pg_current_snapshot()) as text), changed.article_id
                        from (select 1) as one left join lateral (
                            select distinct article_id from knowledge_change where tx >= cast(?1 as xid8)) as changed on true""")
                .setParameter(1, position).getResultList();
        List<Long> articleIds = rows.stream().filter(row -> row[1] != null)
                .map(row -> ((Number) row[1]).longValue()).toList();
        return new Since(articleIds, (String) rows.get(0)[0]);
    }
}
