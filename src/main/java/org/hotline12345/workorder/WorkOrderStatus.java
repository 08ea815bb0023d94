package org.hotline12345.workorder;

import java.util.Collections;
import java.util.EnumSet;
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

    /** What a department still has to act on: its inbox (待办) while it holds the work order. */
    public static final Set<WorkOrderStatus> HELD = Collections
            .unmodifiableSet(EnumSet.of(DISPATCHED, ACCEPTED, RETURN_REQUESTED));

    /** Whether a department currently holds the work order and its clocks run against that department. */
    public boolean heldByDepartment() {
        return this == DISPATCHED || this == ACCEPTED;
    }
}
