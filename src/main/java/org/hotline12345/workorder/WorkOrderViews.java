package org.hotline12345.workorder;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hotline12345.user.Role;

import com.fasterxml.jackson.annotation.JsonRawValue;

/** What the work-order endpoints return. Times are in the city's zone; durations are ISO-8601. */
public final class WorkOrderViews {

    private WorkOrderViews() {
    }

    /**
     * A work order in full, with its history.
     *
     * @param dispatchRule the responsibility rule version behind the current dispatch, when there is one
     * @param needsDispatchReview automatic dispatch found nobody responsible: it waits in the hotline's review queue
     * @param registeredByName the name of who registered it
     * @param actions the steps the viewer may take now ({@link WorkOrderPolicy}): what the pages offer
     * @param mayAttach whether the viewer may attach a file now
     */
    public record Detail(
            String number,
            WorkOrderStatus status,
            Channel channel,
            RequestType requestType,
            Urgency urgency,
            boolean simple,
            CitizenView citizen,
            Enterprise enterprise,
            String title,
            String content,
            Location location,
            CategoryRef category,
            DepartmentRef leadDepartment,
            List<AssignmentView> assignments,
            DispatchAdvisor.RuleRef dispatchRule,
            boolean needsDispatchReview,
            OffsetDateTime registeredAt,
            String registeredBy,
            String registeredByName,
            OffsetDateTime dispatchedAt,
            ClockView acceptClock,
            ClockView replyClock,
            String reply,
            OffsetDateTime repliedAt,
            String directAnswer,
            String returnReason,
            ExtensionView pendingExtension,
            CallbackView callback,
            int reopenCount,
            Closure closure,
            OffsetDateTime closedAt,
            String mergedInto,
            List<EventView> history,
            List<WorkOrderAction> actions,
            boolean mayAttach) {

        /** Whether the viewer may take the step named {@code action} now; for the pages. */
        public boolean may(String action) {
            return actions.stream().anyMatch(a -> a.name().equals(action));
        }
    }

    /**
     * A work order in a list.
     *
     * @param citizenName the citizen's name (masked where the citizen asked for confidentiality) in the API's list;
     *        {@code null} in the pages' lists, which do not show it
     */
    public record Summary(
            String number,
            WorkOrderStatus status,
            Channel channel,
            RequestType requestType,
            Urgency urgency,
            boolean simple,
            String title,
            String citizenName,
            CategoryRef category,
            DepartmentRef leadDepartment,
            OffsetDateTime registeredAt,
            ClockView acceptClock,
            ClockView replyClock,
            boolean overdue) {
    }

    /**
     * @param masked whether name and phone were masked because the citizen asked for confidentiality
     */
    public record CitizenView(String name, String phone, Occupation occupation, boolean confidential, boolean masked) {
    }

    public record DepartmentRef(String code, String name) {
    }

    /** @param path names from the top level down */
    public record CategoryRef(String code, String name, String path) {
    }

    public record AssignmentView(
            DepartmentRef department,
            AssignmentRole role,
            OffsetDateTime assignedAt,
            OffsetDateTime endedAt,
            Assignment.EndReason endReason,
            String input,
            OffsetDateTime inputAt) {
    }

    /**
     * One clock of a dispatched work order.
     *
     * @param limit the limit it runs under, e.g. {@code 5wd} or {@code PT24H}
     * @param stoppedAt when the department accepted or replied; {@code null} while running
     * @param paused whether a pending return has stopped it
     * @param remaining time left (negative: overdue by that much) counted as the limit counts, working time for
     *        working-day limits; {@code null} once stopped
     * @param overdue whether the deadline passed before the clock stopped, or has passed while it runs
     */
    public record ClockView(
            String limit,
            OffsetDateTime deadline,
            OffsetDateTime stoppedAt,
            boolean paused,
            Duration remaining,
            boolean overdue) {
    }

    public record ExtensionView(
            int days,
            String reason,
            ExtensionStatus status,
            String requestedBy,
            OffsetDateTime requestedAt) {
    }

    public record CallbackView(
            int attempts,
            OffsetDateTime at,
            Boolean resolved,
            Satisfaction satisfaction) {
    }

    /**
     * @param summary what happened in a line of Chinese, naming the departments and the other work order (系统自动派单 →
     *        市住建局)
     */
    public record EventView(
            long id,
            EventType type,
            OffsetDateTime at,
            String actor,
            String actorName,
            Role actorRole,
            DepartmentRef actorDepartment,
            WorkOrderStatus fromStatus,
            WorkOrderStatus toStatus,
            String comment,
            @JsonRawValue @Schema(type = SchemaType.OBJECT) String details,
            String summary) {
    }

    /**
     * What waits for the hotline and today's intake, counted now: the supervisor's home and the wallboard show them.
     *
     * @param dispatchReview of {@code toDispatch}, those automatic dispatch found nobody responsible for
     * @param overdue held by a department past its accept or reply deadline (红牌)
     */
    public record Figures(
            long registeredToday,
            long closedToday,
            long toDispatch,
            long dispatchReview,
            long toRedispatch,
            long repliesToReview,
            long returnsToDecide,
            long extensionsToDecide,
            long callbacksDue,
            long heldByDepartments,
            long overdue) {
    }

    /**
     * 来电人历史: what the hotline knows about a calling number from its work orders.
     *
     * @param repeat 重复来电: the number raised a request within {@code repeatWindow} before
     * @param recent how many of its work orders were registered within {@code repeatWindow}
     * @param workOrders the newest first
     */
    public record CallerHistory(String phone, boolean repeat, int recent, Duration repeatWindow,
            List<Summary> workOrders) {
    }

    /**
     * A work order a department has handled (已办), with the department's last step on it.
     *
     * @param lastActorName who in the department took that step
     */
    public record Handled(Summary order, EventType lastAction, OffsetDateTime lastActionAt, String lastActorName) {
    }

    /** Result of a registration; {@code replayed} when an Idempotency-Key matched an earlier one. */
    public record Registration(Detail workOrder, boolean replayed) {
    }
}
