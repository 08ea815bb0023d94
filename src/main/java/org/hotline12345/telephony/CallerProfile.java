package org.hotline12345.telephony;

import java.time.OffsetDateTime;
import java.util.List;

import org.hotline12345.workorder.WorkOrderStatus;

/**
 * What the hotline knows about a number when it calls: for the IVR's decisions and the agent's screen pop.
 *
 * @param blockedReason why the number is blocked for harassment, or {@code null}
 * @param recentCalls calls from the number within the repeat-call window, this one excluded
 * @param enterprise the enterprise the number belongs to, as the desk or earlier requests know it, or {@code null}
 * @param workOrders the caller's work orders, newest first
 */
public record CallerProfile(
        String number,
        String blockedReason,
        int recentCalls,
        EnterpriseBrief enterprise,
        List<WorkOrderBrief> workOrders) {

    public boolean blocked() {
        return blockedReason != null;
    }

    public boolean repeatCaller() {
        return recentCalls > 0;
    }

    public long openWorkOrders() {
        return workOrders.stream().filter(WorkOrderBrief::open).count();
    }

    public record EnterpriseBrief(String name, String creditCode) {
    }

    public record WorkOrderBrief(String number, WorkOrderStatus status, String title, String leadDepartment,
            OffsetDateTime registeredAt, OffsetDateTime replyDeadline, boolean enterpriseRequest) {

        public boolean open() {
            return status != WorkOrderStatus.CLOSED;
        }
    }
}
