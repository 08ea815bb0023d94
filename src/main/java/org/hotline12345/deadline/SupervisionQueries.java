package org.hotline12345.deadline;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.hotline12345.calendar.WorkingCalendar;
import org.hotline12345.calendar.WorkingDuration;
import org.hotline12345.deadline.SupervisionViews.CardView;
import org.hotline12345.deadline.SupervisionViews.DepartmentClocks;
import org.hotline12345.deadline.SupervisionViews.DepartmentDigest;
import org.hotline12345.deadline.SupervisionViews.DepartmentLine;
import org.hotline12345.deadline.SupervisionViews.OverdueView;
import org.hotline12345.deadline.SupervisionViews.Summary;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.workorder.WorkOrderReads;
import org.hotline12345.workorder.WorkOrderStatus;
import org.hotline12345.workorder.WorkOrderViews.DepartmentRef;

/**
 * Read side of deadline supervision: current cards, overdue clocks, digests. Reads {@code deadline_watch}, and
 * the work orders through {@link WorkOrderReads}.
 */
@ApplicationScoped
public class SupervisionQueries {

    /** Each watched clock as a row: the union keeps both clocks of a work order in one indexed scan each. */
    private static final String CLOCKS = """
            select w.work_order_id, w.department_id, 'ACCEPT' as clock, w.accept_card as card,
                   w.accept_deadline as deadline
            from deadline_watch w where w.accept_deadline is not null
            union all
            select w.work_order_id, w.department_id, 'REPLY', w.reply_card, w.reply_deadline
            from deadline_watch w where w.reply_deadline is not null""";

    @Inject
    EntityManager entityManager;

    @Inject
    DepartmentDirectory departments;

    @Inject
    WorkOrderReads workOrders;

    @Inject
    WorkingCalendar calendar;

    @Inject
    Clock clock;

    @Transactional
    public List<CardView> cards(Long departmentId, CardLevel level, DeadlineClock deadlineClock, int limit) {
        StringBuilder where = new StringBuilder(" where c.card <> 'NONE'");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (departmentId != null) {
            where.append(" and c.department_id = :department");
            parameters.put("department", departmentId);
        }
        if (level != null) {
            where.append(" and c.card = :level");
            parameters.put("level", level.name());
        }
        if (deadlineClock != null) {
            where.append(" and c.clock = :clock");
            parameters.put("clock", deadlineClock.name());
        }
        Instant now = clock.instant();
        return lines(where.toString(), parameters, null).stream().limit(limit).map(line -> card(line, now)).toList();
    }

    /** Clocks of work orders a department holds that ran past their deadline, oldest first. */
    @Transactional
    public List<OverdueView> overdue(Long departmentId, int limit) {
        Instant now = clock.instant();
        StringBuilder where = new StringBuilder(" where c.deadline < :now");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("now", now);
        if (departmentId != null) {
            where.append(" and c.department_id = :department");
            parameters.put("department", departmentId);
        }
        return lines(where.toString(), parameters, WorkOrderStatus.CLOCK_RUNNING).stream().limit(limit)
                .map(line -> overdue(line, now)).toList();
    }

    /** Every department's cards and overdue clocks, counted in one scan of the watch. */
    @Transactional
    public List<DepartmentClocks> clocksByDepartment() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select c.department_id,"
                + " count(*) filter (where c.card = 'YELLOW'), count(*) filter (where c.card = 'RED'),"
                + " count(*) filter (where c.card = 'ESCALATED'), count(*) filter (where c.deadline < :now)"
                + " from (" + CLOCKS + ") c group by c.department_id").setParameter("now", clock.instant())
                .getResultList();
        List<DepartmentClocks> clocks = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            DepartmentRef department = department(row[0] == null ? null : ((Number) row[0]).longValue());
            clocks.add(new DepartmentClocks(department == null ? null : department.code(),
                    ((Number) row[1]).longValue(), ((Number) row[2]).longValue(), ((Number) row[3]).longValue(),
                    ((Number) row[4]).longValue()));
        }
        return clocks;
    }

    @Transactional
    public DepartmentDigest digest(long departmentId) {
        List<CardView> cards = cards(departmentId, null, null, 10_000);
        return new DepartmentDigest(department(departmentId), time(clock.instant()),
                cards.stream().filter(c -> c.level() == CardLevel.YELLOW).toList(),
                cards.stream().filter(c -> c.level().compareTo(CardLevel.RED) >= 0).toList());
    }

    @Transactional
    public Summary summary() {
        @SuppressWarnings("unchecked")
        List<Object[]> counts = entityManager.createNativeQuery("select c.department_id,"
                + " count(*) filter (where c.card = 'YELLOW'), count(*) filter (where c.card = 'RED'),"
                + " count(*) filter (where c.card = 'ESCALATED')"
                + " from (" + CLOCKS + ") c where c.card <> 'NONE' group by c.department_id").getResultList();
        Instant now = clock.instant();
        Map<Long, OverdueView> oldest = new HashMap<>();
        for (ClockLine line : lines(" where c.deadline < :now", Map.of("now", now), WorkOrderStatus.CLOCK_RUNNING)) {
            oldest.putIfAbsent(line.departmentId(), overdue(line, now));
        }
        List<DepartmentLine> lines = new ArrayList<>();
        long yellow = 0;
        long red = 0;
        long escalated = 0;
        for (Object[] row : counts) {
            Long departmentId = row[0] == null ? null : ((Number) row[0]).longValue();
            long y = ((Number) row[1]).longValue();
            long r = ((Number) row[2]).longValue();
            long e = ((Number) row[3]).longValue();
            yellow += y;
            red += r;
            escalated += e;
            lines.add(new DepartmentLine(department(departmentId), y, r, e, oldest.get(departmentId)));
        }
        lines.sort(Comparator.comparingLong((DepartmentLine l) -> l.red() + l.escalated()).reversed()
                .thenComparing(l -> l.department() == null ? "" : l.department().code()));
        return new Summary(time(now), yellow, red, escalated, lines);
    }

    /** A watched clock with its work order. */
    private record ClockLine(WorkOrderReads.Brief order, Long departmentId, DeadlineClock clock, CardLevel card,
            Instant deadline) {
    }

    /**
     * The watched clocks the condition on {@code c} selects, of work orders in the status group (any, when
     * {@code null}), the nearest deadline first.
     */
    private List<ClockLine> lines(String where, Map<String, Object> parameters, Set<WorkOrderStatus> statuses) {
        Query query = entityManager.createNativeQuery(
                "select c.work_order_id, c.department_id, c.clock, c.card, c.deadline from (" + CLOCKS + ") c"
                        + where);
        parameters.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Map<Long, WorkOrderReads.Brief> orders = workOrders
                .briefs(rows.stream().map(row -> ((Number) row[0]).longValue()).collect(Collectors.toSet()));
        List<ClockLine> lines = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            WorkOrderReads.Brief order = orders.get(((Number) row[0]).longValue());
            if (order != null && (statuses == null || statuses.contains(order.status()))) {
                lines.add(new ClockLine(order, row[1] == null ? null : ((Number) row[1]).longValue(),
                        DeadlineClock.valueOf((String) row[2]), CardLevel.valueOf((String) row[3]), instant(row[4])));
            }
        }
        lines.sort(Comparator.comparing(ClockLine::deadline).thenComparing(line -> line.order().number()));
        return lines;
    }

    private CardView card(ClockLine line, Instant now) {
        return new CardView(line.order().number(), line.order().title(), line.order().status(),
                department(line.departmentId()), line.clock(), line.card(), time(line.deadline()),
                WorkingDuration.of(calendar.workingTimeBetween(now, line.deadline())));
    }

    private OverdueView overdue(ClockLine line, Instant now) {
        return new OverdueView(line.order().number(), line.order().title(), line.order().status(),
                department(line.departmentId()), line.clock(), time(line.deadline()),
                WorkingDuration.of(calendar.workingTimeBetween(line.deadline(), now)));
    }

    private DepartmentRef department(Long id) {
        return id == null ? null : departments.byId(id).map(d -> new DepartmentRef(d.code(), d.name())).orElse(null);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return ((OffsetDateTime) value).toInstant();
    }

    private OffsetDateTime time(Instant instant) {
        return instant.atZone(calendar.zone()).toOffsetDateTime();
    }
}
