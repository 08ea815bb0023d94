package org.hotline12345.deadline;

import java.time.OffsetDateTime;
import java.util.List;

import org.hotline12345.calendar.WorkingDuration;
import org.hotline12345.workorder.WorkOrderStatus;
import org.hotline12345.workorder.WorkOrderViews.DepartmentRef;

/** What the supervision endpoints return. Times are in the city's zone. */
public final class SupervisionViews {

    private SupervisionViews() {
    }

    /**
     * A clock that carries a card.
     *
     * @param left working time until the deadline, negative once it passed
     */
    public record CardView(String workOrderNumber, String title, WorkOrderStatus status, DepartmentRef department,
            DeadlineClock clock, CardLevel level, OffsetDateTime deadline, WorkingDuration left) {
    }

    /**
     * A clock past its deadline.
     *
     * @param overdue working time since the deadline, e.g. 2 working days 5 hours
     */
    public record OverdueView(String workOrderNumber, String title, WorkOrderStatus status, DepartmentRef department,
            DeadlineClock clock, OffsetDateTime deadline, WorkingDuration overdue) {
    }

    /** A department's list of what is yellow and what is red (escalated ones included). */
    public record DepartmentDigest(DepartmentRef department, OffsetDateTime at, List<CardView> yellow,
            List<CardView> red) {
    }

    /** For supervisors: cards per department and the oldest overdue clock of each. */
    public record Summary(OffsetDateTime at, long yellow, long red, long escalated, List<DepartmentLine> departments) {
    }

    /**
     * A department's clocks now, for the service's metrics: the cards they carry and how many ran past their deadline
     * (those of work orders waiting for a return decision included: their clocks wait, their cards stay).
     *
     * @param department the department's code, {@code null} for clocks no department holds
     */
    public record DepartmentClocks(String department, long yellow, long red, long escalated, long overdue) {
    }

    public record DepartmentLine(DepartmentRef department, long yellow, long red, long escalated,
            OverdueView oldestOverdue) {
    }
}
