package org.hotline12345.workorder;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** 即问即答 as the knowledge base's editors see them: the answers agents gave on the call without a knowledge article. */
@ApplicationScoped
public class DirectAnswers {

    /** An answer given on the call without naming an article. */
    public record WithoutArticle(String number, String title, String answer, String answeredBy,
            Instant answeredAt) {
    }

    @Inject
    EntityManager entityManager;

    /** The latest such answers since {@code since}, newest first. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<WithoutArticle> withoutArticle(Instant since, int limit) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                select w.number, w.title, e.comment, coalesce(e.actor_name, e.actor_username), e.occurred_at
                from work_order_event e join work_order w on w.id = e.work_order_id
                where e.type = 'ANSWERED_DIRECTLY' and e.occurred_at >= ?1
                  and (e.details is null or not jsonb_exists(e.details, 'article'))
                order by e.occurred_at desc limit ?2""")
                .setParameter(1, since).setParameter(2, limit).getResultList();
        return rows.stream().map(r -> new WithoutArticle((String) r[0], (String) r[1], (String) r[2],
                (String) r[3], r[4] instanceof Instant i ? i : ((OffsetDateTime) r[4]).toInstant())).toList();
    }
}
