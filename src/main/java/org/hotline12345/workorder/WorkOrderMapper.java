package org.hotline12345.workorder;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.hotline12345.calendar.TimeLimit;
import org.hotline12345.calendar.WorkingCalendar;
import org.hotline12345.category.CategoryDirectory;
import org.hotline12345.common.Labels;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.security.Actor;
import org.hotline12345.workorder.WorkOrderViews.AssignmentView;
import org.hotline12345.workorder.WorkOrderViews.CallbackView;
import org.hotline12345.workorder.WorkOrderViews.CategoryRef;
import org.hotline12345.workorder.WorkOrderViews.CitizenView;
import org.hotline12345.workorder.WorkOrderViews.ClockView;
import org.hotline12345.workorder.WorkOrderViews.DepartmentRef;
import org.hotline12345.workorder.WorkOrderViews.EventView;
import org.hotline12345.workorder.WorkOrderViews.ExtensionView;

/**
 * Builds views of work orders for one viewer: citizens who asked for confidentiality appear masked to everyone
 * outside the hotline. Each view that carries citizen details announces it ({@link CitizenDetailsShown}), for the
 * record of who saw which citizen; summaries carry the citizen's name only where they are asked to. Must run inside
 * the transaction that loaded the work order.
 */
@ApplicationScoped
public class WorkOrderMapper {

    @Inject
    WorkingCalendar calendar;

    @Inject
    DepartmentDirectory departments;

    @Inject
    CategoryDirectory categories;

    @Inject
    Instance<DispatchAdvisor> advisor;

    @Inject
    Clock clock;

    @Inject
    Event<CitizenDetailsShown> shown;

    public WorkOrderViews.Detail detail(WorkOrder order, Actor viewer) {
        Instant now = clock.instant();
        CitizenView citizen = citizen(order.getCitizen(), viewer);
        shown.fire(new CitizenDetailsShown(viewer,
                List.of(new CitizenDetailsShown.Shown(order.getNumber(), citizen.masked()))));
        return new WorkOrderViews.Detail(
                order.getNumber(),
                order.getStatus(),
                order.getChannel(),
                order.getRequestType(),
                order.getUrgency(),
                order.isSimple(),
                citizen,
                order.getEnterprise(),
                order.getTitle(),
                order.getContent(),
                order.getLocation(),
                category(order.getCategoryId()),
                department(order.getLeadDepartmentId()),
                order.getAssignments().stream().map(this::assignment).toList(),
                order.getDispatchRuleId() == null || !advisor.isResolvable()
                        ? null
                        : advisor.get().describe(order.getDispatchRuleId()).orElse(null),
                order.needsDispatchReview(),
                time(order.getRegisteredAt()),
                order.getRegisteredBy(),
                order.getHistory().isEmpty() ? order.getRegisteredBy() : order.getHistory().get(0).getActorName(),
                time(order.getDispatchedAt()),
                acceptClock(order, now),
                replyClock(order, now),
                order.getReply(),
                time(order.getRepliedAt()),
                order.getDirectAnswer(),
                order.getStatus() == WorkOrderStatus.RETURN_REQUESTED ? order.getReturnReason() : null,
                order.pendingExtension().map(this::extension).orElse(null),
                callback(order),
                order.getReopenCount(),
                order.getClosure(),
                time(order.getClosedAt()),
                order.getMergedIntoNumber(),
                history(order.getHistory()),
                WorkOrderPolicy.available(order, viewer),
                WorkOrderPolicy.mayAttach(order, viewer));
    }

    /** A work order in a list, without its citizen: what the pages' lists show. */
    public WorkOrderViews.Summary summary(WorkOrder order, Actor viewer) {
        return summary(order, viewer, null);
    }

    /** Work orders in a list that names each one's citizen, as the API's list does. */
    public List<WorkOrderViews.Summary> summariesWithCitizens(List<WorkOrder> orders, Actor viewer) {
        List<WorkOrderViews.Summary> summaries = new ArrayList<>(orders.size());
        List<CitizenDetailsShown.Shown> citizens = new ArrayList<>(orders.size());
        for (WorkOrder order : orders) {
            CitizenView citizen = citizen(order.getCitizen(), viewer);
            summaries.add(summary(order, viewer, citizen.name()));
            citizens.add(new CitizenDetailsShown.Shown(order.getNumber(), citizen.masked()));
        }
        if (!citizens.isEmpty()) {
            shown.fire(new CitizenDetailsShown(viewer, citizens));
        }
        return summaries;
    }

    private WorkOrderViews.Summary summary(WorkOrder order, Actor viewer, String citizenName) {
        Instant now = clock.instant();
        ClockView accept = acceptClock(order, now);
        ClockView reply = replyClock(order, now);
        boolean overdue = order.getStatus().heldByDepartment()
                && (accept != null && accept.overdue() && accept.stoppedAt() == null
                        || reply != null && reply.overdue());
        return new WorkOrderViews.Summary(
                order.getNumber(),
                order.getStatus(),
                order.getChannel(),
                order.getRequestType(),
                order.getUrgency(),
                order.isSimple(),
                order.getTitle(),
                citizenName,
                category(order.getCategoryId()),
                department(order.getLeadDepartmentId()),
                time(order.getRegisteredAt()),
                accept,
                reply,
                overdue);
    }

    public List<EventView> history(List<WorkOrderEvent> events) {
        return events.stream().map(this::event).toList();
    }

    private CitizenView citizen(Citizen citizen, Actor viewer) {
        boolean masked = citizen.confidential() && !viewer.isHotline();
        return new CitizenView(
                masked ? maskName(citizen.name()) : citizen.name(),
                masked ? PhoneNumbers.mask(citizen.phone()) : citizen.phone(),
                citizen.occupation(),
                citizen.confidential(),
                masked);
    }

    /** 张三丰 becomes 张**. */
    private static String maskName(String name) {
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(name.codePointCount(first, name.length()));
    }

    private ClockView acceptClock(WorkOrder order, Instant now) {
        return clock(order.getAcceptLimit(), order.getAcceptDeadline(), order.getAcceptedAt(), order.getPausedAt(),
                now);
    }

    private ClockView replyClock(WorkOrder order, Instant now) {
        return clock(order.getReplyLimit(), order.getReplyDeadline(), order.getRepliedAt(), order.getPausedAt(), now);
    }

    private ClockView clock(String limitText, Instant deadline, Instant stoppedAt, Instant pausedAt, Instant now) {
        if (limitText == null || deadline == null) {
            return null;
        }
        TimeLimit limit = TimeLimit.parse(limitText);
        if (stoppedAt != null) {
            return new ClockView(limitText, time(deadline), time(stoppedAt), false, null, stoppedAt.isAfter(deadline));
        }
        Instant reference = pausedAt != null ? pausedAt : now;
        return new ClockView(limitText, time(deadline), null, pausedAt != null,
                limit.counted(reference, deadline, calendar), reference.isAfter(deadline));
    }

    private AssignmentView assignment(Assignment assignment) {
        return new AssignmentView(department(assignment.getDepartmentId()), assignment.getRole(),
                time(assignment.getAssignedAt()), time(assignment.getEndedAt()), assignment.getEndReason(),
                assignment.getInput(), time(assignment.getInputAt()));
    }

    private ExtensionView extension(ExtensionRequest request) {
        return new ExtensionView(request.getDays(), request.getReason(), request.getStatus(), request.getRequestedBy(),
                time(request.getRequestedAt()));
    }

    private CallbackView callback(WorkOrder order) {
        if (order.getCallbackAttempts() == 0) {
            return null;
        }
        return new CallbackView(order.getCallbackAttempts(), time(order.getCallbackAt()), order.getResolved(),
                order.getSatisfaction());
    }

    private EventView event(WorkOrderEvent event) {
        return new EventView(event.getId() == null ? 0 : event.getId(), event.getType(), time(event.getOccurredAt()),
                event.getActorUsername(), event.getActorName(), event.getActorRole(),
                department(event.getActorDepartmentId()), event.getFromStatus(), event.getToStatus(),
                event.getComment(), event.getDetailsJson(), summary(event));
    }

    /** What happened, in a line that names the departments and the other work order. */
    private String summary(WorkOrderEvent event) {
        String label = Labels.label(event.getType());
        Map<String, Object> details = event.getDetails();
        return switch (event.getType()) {
            case DISPATCHED -> (event.getActorUsername() == null ? "系统自动派单" : label) + dispatchedTo(details);
            case REDISPATCHED -> label + dispatchedTo(details);
            case EXTENSION_REQUESTED, EXTENSION_APPROVED, EXTENSION_REJECTED, EXTENSION_WITHDRAWN ->
                label + " " + details.get("days") + " 个工作日";
            case CALLBACK_RECORDED -> label + "：" + callbackOutcome(details);
            case MERGED -> label + " " + details.get("primary");
            case DUPLICATE_MERGED -> label + " " + details.get("duplicate");
            case RELATED -> label + " " + details.get("existing")
                    + (Boolean.TRUE.equals(details.get("repeat")) ? "（重复件：原工单未办结）" : "");
            case RELATED_LATER -> label + " " + details.get("later");
            case ANSWERED_DIRECTLY -> details.get("articleTitle") == null
                    ? label
                    : label + "（所用知识：" + details.get("articleTitle") + "）";
            case DISPATCH_SUGGESTED -> details.get("suggestedLead") == null
                    ? label + "：确责清单无对应单位，转热线复核"
                    : label + "：" + departmentName(details.get("suggestedLead")) + "，待坐席确认";
            case YELLOW_CARD, RED_CARD, ESCALATED, CARD_LIFTED -> label + clockOf(details);
            case PARTNER_EXCHANGE -> label + "：" + details.get("summary");
            default -> label;
        };
    }

    private String dispatchedTo(Map<String, Object> details) {
        Object lead = details.get("leadDepartment");
        if (lead == null) {
            return "";
        }
        List<?> assisting = details.get("assistingDepartments") instanceof List<?> codes ? codes : List.of();
        return " → " + departmentName(lead) + (assisting.isEmpty()
                ? ""
                : "（协办：" + assisting.stream().map(this::departmentName).collect(Collectors.joining("、")) + "）");
    }

    private static String callbackOutcome(Map<String, Object> details) {
        if (!Boolean.TRUE.equals(details.get("reached"))) {
            return "未联系上";
        }
        String satisfaction = details.get("satisfaction") == null
                ? ""
                : Labels.label(Satisfaction.valueOf(details.get("satisfaction").toString()));
        return satisfaction + (Boolean.TRUE.equals(details.get("resolved")) ? "，已解决" : "，未解决");
    }

    private static String clockOf(Map<String, Object> details) {
        Object clock = details.get("clock");
        return "ACCEPT".equals(clock) ? "（签收）" : "REPLY".equals(clock) ? "（办理回复）" : "";
    }

    private String departmentName(Object code) {
        return departments.byCode(code.toString()).map(d -> d.name()).orElse(code.toString());
    }

    private DepartmentRef department(Long id) {
        return id == null
                ? null
                : departments.byId(id).map(d -> new DepartmentRef(d.code(), d.name())).orElse(null);
    }

    private CategoryRef category(Long id) {
        return id == null
                ? null
                : categories.byId(id).map(c -> new CategoryRef(c.code(), c.name(), c.path())).orElse(null);
    }

    private OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atZone(calendar.zone()).toOffsetDateTime();
    }
}
