package org.hotline12345.workorder;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Where a work order stands. Which actions may move it on is defined once, in {@link WorkOrderAction}. */
public enum WorkOrderStatus {
    /** 已受理: registered by the hotline, not yet dispatched */
    REGISTERED,
    /** 已派单: waiting for the lead department to accept (签收) */
    DISPATCHED,
    /** 已签收: the lead department is handling it */
    ACCEPTED,
    /** 退单待审: the department asked to return it; its clocks stop until the hotline decides */
    RETURN_REQUESTED,
    /** 已退单: the return was approved; waiting to be re-dispatched to another department */
    RETURNED,
    /** 已回复: the department replied; waiting for the hotline's review (审核) */
    REPLIED,
    /** 待回访: the reply passed review; waiting for the callback (回访) */
    REVIEWED,
    /** 已办结 */
    CLOSED;

    /*
     * The status groups, defined here once: every query that asks one of these questions passes the group as a
     * parameter (JPQL: the set; SQL: names()), so a new status such as 挂起 is placed in its groups in this file only.
     */

    /**
     * Held by a department: the lead department has it and its clocks (accept until 签收, reply until 回复) run
     * against that department; what counts as late.
     */
    public static final Set<WorkOrderStatus> CLOCK_RUNNING = Collections.unmodifiableSet(EnumSet.of(DISPATCHED,
            ACCEPTED));

    /**
     * Open for the department: what it still has to act on, its inbox (待办), while it holds the work order or waits
     * for the hotline's decision on its return (the clocks wait with it).
     */
    public static final Set<WorkOrderStatus> OPEN_FOR_DEPARTMENT = Collections.unmodifiableSet(EnumSet.of(DISPATCHED,
            ACCEPTED, RETURN_REQUESTED));

    /** Whether a department currently holds the work order and its clocks run against that department. */
    public boolean heldByDepartment() {
        return CLOCK_RUNNING.contains(this);
    }

    /** The group's names, for SQL that compares the {@code status} column, e.g. {@code status = any(?)}. */
    public static List<String> names(Set<WorkOrderStatus> group) {
        return group.stream().sorted().map(Enum::name).toList();
    }
}
