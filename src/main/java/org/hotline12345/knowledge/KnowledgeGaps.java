package org.hotline12345.knowledge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hotline12345.security.Actor;
import org.hotline12345.workorder.DirectAnswers;

/**
 * 知识缺口: what the knowledge base lacks, for editors. Readers' searches are recorded with what they found; a search
 * is used once its reader opens one of its hits within {@link #USE_WINDOW}. Searches nobody used, and the answers
 * agents gave on the call (即问即答) without an article, are the gaps.
 */
@ApplicationScoped
public class KnowledgeGaps {

    /** How long after a search opening one of its hits counts as using it. */
    static final Duration USE_WINDOW = Duration.ofMinutes(30);

    /**
     * Searches of the same words (case and spacing aside) that no one used.
     *
     * @param hits the most articles one of them found (0: the knowledge base has nothing on it)
     */
    public record UnusedSearch(String text, long times, long readers, long hits, Instant lastAt) {
    }

    public record Gaps(List<UnusedSearch> searches, List<DirectAnswers.WithoutArticle> answers) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    DirectAnswers directAnswers;

    @Inject
    Clock clock;

    /** Records a reader's search and the articles it found. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void searched(Actor actor, String text, List<Long> hitIds) {
        entityManager.createNativeQuery("""
                insert into knowledge_search (user_id, text, hit_ids, searched_at)
                values (?1, ?2, cast(?3 as bigint[]), ?4)""")
                .setParameter(1, actor.userId()).setParameter(2, text.strip())
                .setParameter(3, "{" + String.join(",", hitIds.stream().map(String::valueOf).toList()) + "}")
                .setParameter(4, clock.instant()).executeUpdate();
    }

    /** A reader opened an article: their recent searches that found it were used. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void opened(Actor actor, long articleId) {
        entityManager.createNativeQuery("""
                update knowledge_search set used_article_id = ?1
                where user_id = ?2 and used_article_id is null and searched_at >= ?3 and ?1 = any(hit_ids)""")
                .setParameter(1, articleId).setParameter(2, actor.userId())
                .setParameter(3, clock.instant().minus(USE_WINDOW)).executeUpdate();
    }

    /**
     * The gaps of the last {@code days} days: unused searches (those younger than {@link #USE_WINDOW} may still be
     * used, and wait), most often searched first, and the answers given without an article, newest first.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public Gaps since(int days, int limit) {
        Instant now = clock.instant();
        Instant from = now.minus(Duration.ofDays(days));
        List<Object[]> rows = entityManager.createNativeQuery("""
                select min(text), count(*), count(distinct user_id), max(cardinality(hit_ids)), max(searched_at)
                from knowledge_search
                where used_article_id is null and searched_at >= ?1 and searched_at < ?2
                group by lower(regexp_replace(text, '\\s+', '', 'g'))
                order by count(*) desc, max(searched_at) desc limit ?3""")
                .setParameter(1, from).setParameter(2, now.minus(USE_WINDOW)).setParameter(3, limit)
                .getResultList();
        List<UnusedSearch> searches = rows.stream().map(r -> new UnusedSearch((String) r[0],
                ((Number) r[1]).longValue(), ((Number) r[2]).longValue(), ((Number) r[3]).longValue(),
                r[4] instanceof Instant i ? i : ((OffsetDateTime) r[4]).toInstant())).toList();
        return new Gaps(searches, directAnswers.withoutArticle(from, limit));
    }
}
