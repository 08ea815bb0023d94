package org.hotline12345.workorder;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hotline12345.common.SqlValues;

/**
 * The history the department scorecards (考核) are computed from: the events that say what a department did with a
 * work order and when, so that every figure reproduces from the history rather than from the work order's current
 * columns, which later steps overwrite.
 */
@ApplicationScoped
public class ScorecardReads {

    /** The events a scorecard replays; the others say nothing about a department's handling. */
    static final List<EventType> SCORED = List.of(EventType.DISPATCHED, EventType.REDISPATCHED, EventType.ACCEPTED,
            EventType.RETURN_APPROVED, EventType.RETURN_REJECTED, EventType.EXTENSION_APPROVED, EventType.REPLIED,
            EventType.REPLY_REJECTED, EventType.CALLBACK_RECORDED, EventType.CLOSED, EventType.SUPERVISED,
            EventType.ESCALATED, EventType.SERVICE_RATED, EventType.REOPENED_AFTER_RATING,
            EventType.DEADLINES_RECALCULATED);

    /**
     * One history entry of a work order, with the details it carries (departments by code, deadlines, the callback's
     * answers, the rating).
     */
    public record Step(long workOrderId, String number, String title, EventType type, Instant at,
            Long actorDepartmentId, Map<String, Object> details) {
    }

    @Inject
    EntityManager entityManager;

    /**
     * The scored events, oldest first per work order, of every work order dispatched (派单 or 改派) in the period,
     * whenever the events happened: a department's figures for a month look at what it did with that month's work
     * orders up to now.
     */
    @Transactional
    public List<Step> dispatchedBetween(Instant start, Instant end) {
        return steps("e.work_order_id in (select d.work_order_id from work_order_event d"
                + " where d.type in ('DISPATCHED', 'REDISPATCHED') and d.occurred_at >= ?2 and d.occurred_at < ?3)",
                Timestamp.from(start), Timestamp.from(end));
    }

    /** The scored events of one work order, oldest first; empty when there is no such work order. */
    @Transactional
    public List<Step> ofWorkOrder(String number) {
        return steps("w.number = ?2", number);
    }

    private List<Step> steps(String which, Object... parameters) {
        var query = entityManager.createNativeQuery("""
                select e.work_order_id, w.number, w.title, e.type, e.occurred_at, e.actor_department_id,
                  cast(e.details as text)
                from work_order_event e join work_order w on w.id = e.work_order_id
                where e.type in (?1) and
                """ + which + " order by e.work_order_id, e.occurred_at, e.id")
                .setParameter(1, SCORED.stream().map(Enum::name).toList());
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 2, parameters[i]);
        }
        List<Step> steps = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] c = (Object[]) row;
            steps.add(new Step(((Number) c[0]).longValue(), (String) c[1], (String) c[2],
                    EventType.valueOf((String) c[3]), SqlValues.instant(c[4]),
                    c[5] == null ? null : ((Number) c[5]).longValue(), EventDetails.read((String) c[6])));
        }
        return steps;
    }
}
