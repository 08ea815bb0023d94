package org.hotline12345.deadline;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hotline12345.calendar.WorkingCalendar;
import org.hotline12345.calendar.WorkingDuration;
import org.hotline12345.common.SqlValues;

/**
 * 超期看板: per department, the work orders it holds as lead whose accept or reply deadline has passed, worst first,
 * each with how long it is late in working time. For supervisors deciding whom to urge (催办) or escalate (督办).
 */
@ApplicationScoped
public class OverdueBoard {

    /** One late work order. */
    public record LateOrder(String number, String title, String status, String clock, OffsetDateTime deadline,
            String late) {
    }

    /** A department with its late work orders and how many it holds in all. */
    public record DepartmentLine(String code, String name, long holding, long lateToAccept, long lateToReply,
            List<LateOrder> orders) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    WorkingCalendar calendar;

    @Inject
    Clock clock;

    @Transactional
    public List<DepartmentLine> lines() {
        Instant now = clock.instant();
        List<?> rows = entityManager.createNativeQuery("""
                select d.code, d.name, w.number, w.title, w.status,
                  case when w.status = 'DISPATCHED' and w.accept_deadline < ?1 then 'ACCEPT' else 'REPLY' end,
                  case when w.status = 'DISPATCHED' and w.accept_deadline < ?1 then w.accept_deadline
                       else w.reply_deadline end,
                  count(*) over (partition by d.id)
                from work_order w
                join work_order_assignment a on a.work_order_id = w.id and a.ended_at is null and a.role = 'LEAD'
                join department d on d.id = a.department_id
                where w.status in ('DISPATCHED', 'ACCEPTED')
                order by d.name, 7
                """).setParameter(1, Timestamp.from(now)).getResultList();
        Map<String, List<Object[]>> byDepartment = new LinkedHashMap<>();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            byDepartment.computeIfAbsent((String) columns[0], code -> new ArrayList<>()).add(columns);
        }
        List<DepartmentLine> lines = new ArrayList<>();
        byDepartment.forEach((code, orders) -> {
            List<LateOrder> late = new ArrayList<>();
            long lateToAccept = 0;
            for (Object[] order : orders) {
                Instant deadline = SqlValues.instant(order[6]);
                if (deadline == null || !deadline.isBefore(now)) {
                    continue;
                }
                boolean accepting = "ACCEPT".equals(order[5]);
                lateToAccept += accepting ? 1 : 0;
                late.add(new LateOrder((String) order[2], (String) order[3], (String) order[4],
                        accepting ? "签收" : "办理", deadline.atZone(calendar.zone()).toOffsetDateTime(),
                        "超期" + WorkingDuration.of(calendar.workingTimeBetween(deadline, now)).text()));
            }
            if (!late.isEmpty()) {
                Object[] first = orders.get(0);
                lines.add(new DepartmentLine(code, (String) first[1], ((Number) first[7]).longValue(), lateToAccept,
                        late.size() - lateToAccept, late));
            }
        });
        lines.sort((a, b) -> Integer.compare(b.orders().size(), a.orders().size()));
        return lines;
    }
}
