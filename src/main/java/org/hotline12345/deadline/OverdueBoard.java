package org.hotline12345.deadline;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hotline12345.calendar.WorkingCalendar;
import org.hotline12345.calendar.WorkingDuration;
import org.hotline12345.workorder.WorkOrderReads;
import org.hotline12345.workorder.WorkOrderReads.HeldOrder;

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
    WorkOrderReads workOrders;

    @Inject
    WorkingCalendar calendar;

    @Inject
    Clock clock;

    @Transactional
    public List<DepartmentLine> lines() {
        Instant now = clock.instant();
        Map<String, List<HeldOrder>> byDepartment = new LinkedHashMap<>();
        for (HeldOrder order : workOrders.heldByLeadDepartments(now)) {
            byDepartment.computeIfAbsent(order.departmentCode(), code -> new ArrayList<>()).add(order);
        }
        List<DepartmentLine> lines = new ArrayList<>();
        byDepartment.forEach((code, orders) -> {
            List<LateOrder> late = new ArrayList<>();
            long lateToAccept = 0;
            for (HeldOrder order : orders) {
                Instant deadline = order.deadline();
                if (deadline == null || !deadline.isBefore(now)) {
                    continue;
                }
                lateToAccept += order.acceptClock() ? 1 : 0;
                late.add(new LateOrder(order.number(), order.title(), order.status().name(),
                        order.acceptClock() ? "签收" : "办理", deadline.atZone(calendar.zone()).toOffsetDateTime(),
                        "超期" + WorkingDuration.of(calendar.workingTimeBetween(deadline, now)).text()));
            }
            if (!late.isEmpty()) {
                HeldOrder first = orders.get(0);
                lines.add(new DepartmentLine(code, first.departmentName(), first.holding(), lateToAccept,
                        late.size() - lateToAccept, late));
            }
        });
        lines.sort((a, b) -> Integer.compare(b.orders().size(), a.orders().size()));
        return lines;
    }
}
