package org.hotline12345.workorder;

import static org.hotline12345.workorder.WorkOrderStatus.ACCEPTED;
import static org.hotline12345.workorder.WorkOrderStatus.CLOSED;
import static org.hotline12345.workorder.WorkOrderStatus.DISPATCHED;
import static org.hotline12345.workorder.WorkOrderStatus.REGISTERED;
import static org.hotline12345.workorder.WorkOrderStatus.REPLIED;
import static org.hotline12345.workorder.WorkOrderStatus.RETURNED;
import static org.hotline12345.workorder.WorkOrderStatus.RETURN_REQUESTED;
import static org.hotline12345.workorder.WorkOrderStatus.REVIEWED;

import java.util.EnumSet;
import java.util.Set;

/**
 * The work-order lifecycle: every action with the states it may start from and the states it may lead to. This is
 * the only place the transitions are defined; {@link WorkOrder} checks every change against it.
 */
public enum WorkOrderAction {
    /** 即问即答: the agent answers on the call and the work order closes at once */
    ANSWER_DIRECTLY(EnumSet.of(REGISTERED), EnumSet.of(CLOSED)),
    /** 派单 */
    DISPATCH(EnumSet.of(REGISTERED), EnumSet.of(DISPATCHED)),
    /** 签收 */
    ACCEPT(EnumSet.of(DISPATCHED), EnumSet.of(ACCEPTED)),
    /** 退单: the department says it is not the owner */
    REQUEST_RETURN(EnumSet.of(DISPATCHED, ACCEPTED), EnumSet.of(RETURN_REQUESTED)),
    /** the hotline agrees with the return; the work order waits for re-dispatch */
    APPROVE_RETURN(EnumSet.of(RETURN_REQUESTED), EnumSet.of(RETURNED)),
    /** the hotline refuses the return; the work order goes back to where the department had it */
    REJECT_RETURN(EnumSet.of(RETURN_REQUESTED), EnumSet.of(DISPATCHED, ACCEPTED)),
    /** automatic dispatch was not sure enough: its suggestion is recorded and the work order waits for the agent */
    SUGGEST_DISPATCH(EnumSet.of(REGISTERED), EnumSet.of(REGISTERED)),
    /** 改派 to another department after an approved return */
    REDISPATCH(EnumSet.of(RETURNED), EnumSet.of(DISPATCHED)),
    /** 延期申请 */
    REQUEST_EXTENSION(EnumSet.of(ACCEPTED), EnumSet.of(ACCEPTED)), APPROVE_EXTENSION(EnumSet.of(ACCEPTED),
            EnumSet.of(ACCEPTED)), REJECT_EXTENSION(EnumSet.of(ACCEPTED), EnumSet.of(ACCEPTED)),
    /** an assisting department's contribution to joint handling (联办) */
    SUBMIT_ASSIST_INPUT(EnumSet.of(DISPATCHED, ACCEPTED), EnumSet.of(DISPATCHED, ACCEPTED)),
    /** 回复 by the lead department */
    REPLY(EnumSet.of(ACCEPTED), EnumSet.of(REPLIED)),
    /** 审核 passed */
    APPROVE_REPLY(EnumSet.of(REPLIED), EnumSet.of(REVIEWED)),
    /** 审核 failed: reopened (重办) to the same department */
    REJECT_REPLY(EnumSet.of(REPLIED), EnumSet.of(DISPATCHED)),
    /** 回访: closes it, reopens it when the citizen is dissatisfied, or stays when the citizen was not reached */
    RECORD_CALLBACK(EnumSet.of(REVIEWED), EnumSet.of(CLOSED, DISPATCHED, REVIEWED)),
    /** 办结 without a callback */
    CLOSE(EnumSet.of(REVIEWED), EnumSet.of(CLOSED)),
    /** 催办 */
    URGE(EnumSet.of(DISPATCHED, ACCEPTED), EnumSet.of(DISPATCHED, ACCEPTED)),
    /** 督办 */
    SUPERVISE(EnumSet.of(DISPATCHED, ACCEPTED), EnumSet.of(DISPATCHED, ACCEPTED)),
    /** 涉企诉求: marked for the business-environment desk, in any state before the close */
    MARK_ENTERPRISE_REQUEST(EnumSet.complementOf(EnumSet.of(CLOSED)), EnumSet.complementOf(EnumSet.of(CLOSED))),
    /** 并单: this duplicate closes and points to the primary */
    MERGE(EnumSet.of(REGISTERED, DISPATCHED, ACCEPTED), EnumSet.of(CLOSED)),
    /** 好差评: the citizen rates the approved reply (一事一评); the state does not change */
    RATE(EnumSet.of(REVIEWED, CLOSED), EnumSet.of(REVIEWED, CLOSED)),
    /** 差评核实 upheld: reopened (重办) to the department that replied, with fresh clocks */
    REOPEN_AFTER_RATING(EnumSet.of(REVIEWED, CLOSED), EnumSet.of(DISPATCHED));

    private final Set<WorkOrderStatus> from;
    private final Set<WorkOrderStatus> to;

    WorkOrderAction(Set<WorkOrderStatus> from, Set<WorkOrderStatus> to) {
        this.from = from;
        this.to = to;
    }

    public Set<WorkOrderStatus> allowedFrom() {
        return from;
    }

    public Set<WorkOrderStatus> possibleTargets() {
        return to;
    }

    public boolean allowedFrom(WorkOrderStatus status) {
        return from.contains(status);
    }

    /** @throws InvalidWorkOrderStateException when the action may not start from {@code current} */
    void requireAllowedFrom(String number, WorkOrderStatus current) {
        if (!from.contains(current)) {
            throw new InvalidWorkOrderStateException(number, this, current);
        }
    }

    /** Guards the implementation: an action may only lead where the table says. */
    WorkOrderStatus requireTarget(WorkOrderStatus target) {
        if (!to.contains(target)) {
            throw new IllegalStateException(this + " cannot lead to " + target);
        }
        return target;
    }
}
