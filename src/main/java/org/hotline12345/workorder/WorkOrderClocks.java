package org.hotline12345.workorder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.hotline12345.calendar.StoredDeadlines;
import org.hotline12345.calendar.WorkingCalendar;
import org.hotline12345.security.Actor;

/** The accept and reply deadlines on work orders, kept in step with the holiday arrangements administrators change. */
@ApplicationScoped
public class WorkOrderClocks implements StoredDeadlines {

    @Inject
    WorkOrderRepository workOrders;

    @Inject
    Event<WorkOrderChanged> changed;

    @Override
    @Transactional
    public long runningIn(int year, WorkingCalendar calendar) {
        return workOrders.count("status in ?1 and (acceptedAt is null and acceptDeadline >= ?2 and acceptDeadline < ?3"
                + " or replyDeadline >= ?2 and replyDeadline < ?3)", WorkOrderStatus.OPEN_FOR_DEPARTMENT,
                startOf(year, calendar),
                startOf(year + 1, calendar));
    }

    /**
     * Looks at every work order whose running clock started before the year ends and ends in it or later: only those
     * can count a date of the year. A moved deadline goes through {@link WorkOrderChanged}, so that supervision
     * watches the new one.
     */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Recalculated recalculate(int year, WorkingCalendar previous, WorkingCalendar current, Actor actor,
            Instant now) {
        List<WorkOrder> candidates = workOrders.find("status in ?1 and dispatchedAt < ?3 and (acceptedAt is null"
                + " and acceptDeadline >= ?2 or replyDeadline >= ?2) order by id", WorkOrderStatus.OPEN_FOR_DEPARTMENT,
                startOf(year, current), startOf(year + 1, current)).withLock(LockModeType.PESSIMISTIC_WRITE).list();
        String reason = year + " 年节假日安排已调整，截止时间按新安排重算";
        List<String> moved = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        for (WorkOrder order : candidates) {
            switch (order.recalculateDeadlines(previous, current, actor, now, reason)) {
                case MOVED -> {
                    moved.add(order.getNumber());
                    changed.fire(WorkOrderChanged.of(order, now));
                }
                case UNMATCHED -> unmatched.add(order.getNumber());
                case UNCHANGED -> {
                    // the change does not reach this clock
                }
            }
        }
        workOrders.flush();
        return new Recalculated(moved, unmatched);
    }

    private static Instant startOf(int year, WorkingCalendar calendar) {
        return LocalDate.of(year, 1, 1).atStartOfDay(calendar.zone()).toInstant();
    }
}
