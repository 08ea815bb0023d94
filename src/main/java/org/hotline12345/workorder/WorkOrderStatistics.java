package org.hotline12345.workorder;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Counts of the work orders registered in a period, for the supervisors' statistics: the raw figures, which the
 * statistics turn into rates and series.
 */
@ApplicationScoped
public class WorkOrderStatistics {

    /**
     * A lead department's work orders of the period and the counts its three rates come from.
     *
     * @param acceptDue those whose accept deadline passed or that were accepted
     * @param resolvedAnswered those whose callback answered whether the request was resolved
     */
    public record DepartmentCounts(String department, long registered, long acceptedInTime, long acceptDue,
            long resolved, long resolvedAnswered, long satisfied, long satisfactionAnswered) {
    }

    /** The columns the daily counts can be taken by. */
    public enum DailyBy {
        CHANNEL("channel"), REQUEST_TYPE("request_type");

        private final String column;

        DailyBy(String column) {
            this.column = column;
        }
    }

    /** A top-level category and how many work orders were about it. */
    public record CategoryCount(String name, long count) {
    }

    /** How many work orders are in a status now. */
    public record StatusCount(WorkOrderStatus status, long count) {
    }

    @Inject
    EntityManager entityManager;

    /** The work orders not closed, per status (statuses without any left out), for the service's metrics. */
    @Transactional
    public List<StatusCount> openByStatus() {
        List<StatusCount> counts = new ArrayList<>();
        for (Object row : entityManager
                .createNativeQuery("select status, count(*) from work_order where status <> ?1 group by status")
                .setParameter(1, WorkOrderStatus.CLOSED.name()).getResultList()) {
            Object[] c = (Object[]) row;
            counts.add(new StatusCount(WorkOrderStatus.valueOf((String) c[0]), number(c[1])));
        }
        return counts;
    }

    @Transactional
    public List<DepartmentCounts> byLeadDepartment(Instant start, Instant end, Instant now) {
        List<DepartmentCounts> counts = new ArrayList<>();
        for (Object row : entityManager.createNativeQuery("""
                select d.name, count(*),
                  count(*) filter (where w.accepted_at is not null and w.accepted_at <= w.accept_deadline),
                  count(*) filter (where w.accept_deadline is not null
                                     and (w.accepted_at is not null or w.accept_deadline < ?3)),
                  count(*) filter (where w.resolved),
                  count(*) filter (where w.resolved is not null),
                  count(*) filter (where w.satisfaction in (?4)),
                  count(*) filter (where w.satisfaction is not null)
                from work_order w join department d on d.id = w.lead_department_id
                where w.registered_at >= ?1 and w.registered_at < ?2
                group by d.name order by count(*) desc, d.name
                """).setParameter(1, Timestamp.from(start)).setParameter(2, Timestamp.from(end))
                .setParameter(3, Timestamp.from(now))
                .setParameter(4, List.of(Satisfaction.SATISFIED.name(), Satisfaction.BASICALLY_SATISFIED.name()))
                .getResultList()) {
            Object[] c = (Object[]) row;
            counts.add(new DepartmentCounts((String) c[0], number(c[1]), number(c[2]), number(c[3]), number(c[4]),
                    number(c[5]), number(c[6]), number(c[7])));
        }
        return counts;
    }

    @Transactional
    public long registered(Instant start, Instant end) {
        return number(entityManager
                .createNativeQuery("select count(*) from work_order where registered_at >= ?1 and registered_at < ?2")
                .setParameter(1, Timestamp.from(start)).setParameter(2, Timestamp.from(end)).getSingleResult());
    }

    /** The work orders registered per value of the column and day of the city ({@code YYYY-MM-DD}). */
    @Transactional
    public Map<String, Map<String, Long>> daily(DailyBy by, Instant start, Instant end, ZoneId zone) {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        for (Object row : entityManager
                .createNativeQuery("select " + by.column + ", to_char(registered_at at time zone ?3,"
                        + " 'YYYY-MM-DD'), count(*) from work_order where registered_at >= ?1 and registered_at < ?2"
                        + " group by 1, 2")
                .setParameter(1, Timestamp.from(start)).setParameter(2, Timestamp.from(end))
                .setParameter(3, zone.getId()).getResultList()) {
            Object[] c = (Object[]) row;
            counts.computeIfAbsent((String) c[0], key -> new LinkedHashMap<>()).put((String) c[1], number(c[2]));
        }
        return counts;
    }

    /** The top-level categories the most work orders of the period were about, the most first. */
    @Transactional
    public List<CategoryCount> topCategories(Instant start, Instant end, int limit) {
        List<CategoryCount> named = new ArrayList<>();
        for (Object row : entityManager.createNativeQuery("""
                select coalesce(g.name, p.name, c.name) as top, count(*) from work_order w
                join category c on c.id = w.category_id
                left join category p on p.id = c.parent_id
                left join category g on g.id = p.parent_id
                where w.registered_at >= ?1 and w.registered_at < ?2
                group by 1 order by count(*) desc, 1 limit ?3
                """).setParameter(1, Timestamp.from(start)).setParameter(2, Timestamp.from(end))
                .setParameter(3, limit).getResultList()) {
            Object[] c = (Object[]) row;
            named.add(new CategoryCount((String) c[0], number(c[1])));
        }
        return named;
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
