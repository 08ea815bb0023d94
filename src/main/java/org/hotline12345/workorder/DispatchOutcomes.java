package org.hotline12345.workorder;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hotline12345.common.SqlValues;

/**
 * What became of dispatches, as records, for the review of the responsibility list: each work order first dispatched
 * in a period, with the department it went to, its approved returns and the department it ended with.
 */
@ApplicationScoped
public class DispatchOutcomes {

    /** Enough of the request for the department model to read it. */
    private static final int TEXT = 500;

    /**
     * A work order's dispatch and what became of it.
     *
     * @param firstLead the department of the first dispatch (派单)
     * @param automatic whether the service dispatched it by itself
     * @param approvedReturns how many of its departments' returns (退单) the hotline approved
     * @param finalLead the department of the last re-dispatch (改派); the first department where there was none
     */
    public record Outcome(String number, String title, String content, String categoryCode, String district,
            String street, String firstLead, boolean automatic, int approvedReturns, String finalLead,
            Instant dispatchedAt) {
    }

    @Inject
    EntityManager entityManager;

    /** The work orders first dispatched from {@code start} (inclusive) to {@code end}, oldest first. */
    @Transactional
    public List<Outcome> firstDispatched(Instant start, Instant end) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Object row : entityManager.createNativeQuery("""
                select w.number, w.title, left(w.content, %d), c.code, w.district, w.street,
                    e.details ->> 'leadDepartment', coalesce((e.details ->> 'automatic')::boolean, false),
                    (select count(*) from work_order_event r where r.work_order_id = w.id and r.type = ?3),
                    (select x.details ->> 'leadDepartment' from work_order_event x
                        where x.work_order_id = w.id and x.type = ?4 order by x.id desc limit 1),
                    e.occurred_at
                from work_order_event e join work_order w on w.id = e.work_order_id
                    join category c on c.id = w.category_id
                where e.type = ?5 and e.occurred_at >= ?1 and e.occurred_at < ?2 and w.merged_into_number is null
                order by e.occurred_at, e.id""".formatted(TEXT))
                .setParameter(1, Timestamp.from(start)).setParameter(2, Timestamp.from(end))
                .setParameter(3, EventType.RETURN_APPROVED.name()).setParameter(4, EventType.REDISPATCHED.name())
                .setParameter(5, EventType.DISPATCHED.name()).getResultList()) {
            Object[] c = (Object[]) row;
            String firstLead = (String) c[6];
            outcomes.add(new Outcome((String) c[0], (String) c[1], (String) c[2], (String) c[3], (String) c[4],
                    (String) c[5], firstLead, (Boolean) c[7], ((Number) c[8]).intValue(),
                    c[9] == null ? firstLead : (String) c[9], SqlValues.instant(c[10])));
        }
        return outcomes;
    }
}
