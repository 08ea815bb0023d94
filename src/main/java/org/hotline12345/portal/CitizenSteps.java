package org.hotline12345.portal;

import org.hotline12345.workorder.EventType;
import org.hotline12345.workorder.WorkOrderStatus;

/**
 * The work order's steps in the words citizens read (已受理, 已转办, 办理中, 已答复, 已办结): what happens inside the
 * hotline and the departments (returns, extensions, reviews, urging, cards) is not shown.
 */
final class CitizenSteps {

    private CitizenSteps() {
    }

    /** The step's words, or {@code null} for a step citizens are not shown. */
    static String label(EventType type, WorkOrderStatus leftIn) {
        return switch (type) {
            case REGISTERED -> "已受理";
            case DISPATCHED, REDISPATCHED -> "已转办";
            case ACCEPTED -> "办理中";
            case REPLY_APPROVED -> "已答复";
            case ANSWERED_DIRECTLY, CLOSED, MERGED -> "已办结";
            case CALLBACK_RECORDED -> leftIn == WorkOrderStatus.CLOSED
                    ? "已办结"
                    : leftIn == WorkOrderStatus.DISPATCHED ? "重新办理" : null;
            case REPLY_REJECTED, REOPENED_AFTER_RATING -> "重新办理";
            case SERVICE_RATED -> "已评价";
            default -> null;
        };
    }

    /** Where it stands now. */
    static String stage(WorkOrderStatus status) {
        return switch (status) {
            case REGISTERED, RETURNED -> "已受理";
            case DISPATCHED -> "已转办";
            case ACCEPTED, RETURN_REQUESTED, REPLIED -> "办理中";
            case REVIEWED -> "已答复";
            case CLOSED -> "已办结";
        };
    }
}
