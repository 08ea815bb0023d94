package org.hotline12345.workorder;

import static org.hotline12345.workorder.WorkOrderStatus.ACCEPTED;
import static org.hotline12345.workorder.WorkOrderStatus.CLOSED;
import static org.hotline12345.workorder.WorkOrderStatus.DISPATCHED;
import static org.hotline12345.workorder.WorkOrderStatus.REGISTERED;
import static org.hotline12345.workorder.WorkOrderStatus.REPLIED;
import static org.hotline12345.workorder.WorkOrderStatus.RETURNED;
import static org.hotline12345.workorder.WorkOrderStatus.RETURN_REQUESTED;
import static org.hotline12345.workorder.WorkOrderStatus.REVIEWED;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hotline12345.calendar.TimeLimit;
import org.hotline12345.calendar.WorkingCalendar;
import org.hotline12345.common.ConflictException;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.department.DepartmentView;
import org.hotline12345.security.Actor;

/**
 * 工单: one citizen or enterprise request from intake to close.
 * <p>
 * State changes only through the methods below; each checks the action against {@link WorkOrderAction} before it
 * changes anything and appends an event to the history. Clocks: dispatch starts the accept and reply clocks; accepting
 * stops the accept clock and replying stops the reply clock; a pending return stops both until the hotline decides
 * (a rejected return moves the deadlines by the working time the decision took); re-dispatch and reopen (重办)
 * restart both; an approved extension moves the reply deadline by its working days.
 */
@Entity
@Table(name = "work_order")
public class WorkOrder {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "work_order_seq")
    @SequenceGenerator(name = "work_order_seq", sequenceName = "work_order_seq", allocationSize = 50)
    private Long id;

    @Version
    private int version;

    @Column(nullable = false, unique = true, updatable = false)
    private String number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(name = "request_type", nullable = false)
    private RequestType requestType;

    @Embedded
    private Citizen citizen;

    @Embedded
    private Enterprise enterprise;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String content;

    @Embedded
    private Location location;

    @Column(name = "category_id", nullable = false)
    private Long categoryId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Urgency urgency;

    @Column(nullable = false)
    private boolean simple;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private WorkOrderStatus status;

    /** 涉企诉求: raised by or about an enterprise; the business-environment desk keeps it on its ledger. */
    @Column(name = "enterprise_request", nullable = false)
    private boolean enterpriseRequest;

    /** The responsibility rule version behind the current dispatch; empty when the hotline chose otherwise. */
    @Column(name = "dispatch_rule_id")
    private Long dispatchRuleId;

    /** Automatic dispatch found nobody responsible: the work order waits in the hotline's review queue. */
    @Column(name = "needs_dispatch_review", nullable = false)
    private boolean needsDispatchReview;

    /** The department currently responsible; empty before dispatch and after an approved return. */
    @Column(name = "lead_department_id")
    private Long leadDepartmentId;

    @Column(name = "registered_at", nullable = false, updatable = false)
    private Instant registeredAt;

    @Column(name = "registered_by", nullable = false, updatable = false)
    private String registeredBy;

    @Column(name = "dispatched_at")
    private Instant dispatchedAt;

    @Column(name = "accept_limit")
    private String acceptLimit;

    @Column(name = "accept_deadline")
    private Instant acceptDeadline;

    @Column(name = "accepted_at")
    private Instant acceptedAt;

    @Column(name = "reply_limit")
    private String replyLimit;

    @Column(name = "reply_deadline")
    private Instant replyDeadline;

    @Column(name = "replied_at")
    private Instant repliedAt;

    @Column(name = "reply")
    private String reply;

    /** When a pending return stopped the clocks. */
    @Column(name = "paused_at")
    private Instant pausedAt;

    /** The status a pending return came from, where a rejected return goes back to. */
    @Enumerated(EnumType.STRING)
    @Column(name = "returned_from")
    private WorkOrderStatus returnedFrom;

    @Column(name = "return_reason")
    private String returnReason;

    /** The department whose return was approved last; re-dispatch must pick another. */
    @Column(name = "returned_by_department_id")
    private Long returnedByDepartmentId;

    @Column(name = "reopen_count", nullable = false)
    private int reopenCount;

    @Column(name = "callback_attempts", nullable = false)
    private int callbackAttempts;

    @Column(name = "callback_at")
    private Instant callbackAt;

    private Boolean resolved;

    @Enumerated(EnumType.STRING)
    private Satisfaction satisfaction;

    @Column(name = "direct_answer")
    private String directAnswer;

    @Enumerated(EnumType.STRING)
    private Closure closure;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "merged_into_number")
    private String mergedIntoNumber;

    /** The call during which it was registered. */
    @Column(name = "origin_call_id", updatable = false)
    private String originCallId;

    /** In the order things happened; ids alone do not say it, since the supervision pass draws its own. */
    @OneToMany(mappedBy = "workOrder", cascade = CascadeType.PERSIST)
    @OrderBy("occurredAt, id")
    private List<WorkOrderEvent> history = new ArrayList<>();

    @OneToMany(mappedBy = "workOrder", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    private List<Assignment> assignments = new ArrayList<>();

    @OneToMany(mappedBy = "workOrder", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    private List<ExtensionRequest> extensionRequests = new ArrayList<>();

    protected WorkOrder() {
    }

    /** 受理: the hotline takes the request in. */
    public static WorkOrder register(String number, Intake intake, Actor actor, Instant now) {
        WorkOrder order = new WorkOrder();
        order.number = number;
        order.channel = intake.channel();
        order.requestType = intake.requestType();
        order.citizen = intake.citizen();
        order.enterprise = intake.enterprise();
        order.title = intake.title();
        order.content = intake.content();
        order.location = intake.location();
        order.categoryId = intake.categoryId();
        order.urgency = intake.urgency();
        order.simple = intake.simple();
        order.enterpriseRequest = intake.enterpriseRequest() || intake.enterprise() != null;
        order.originCallId = intake.callId();
        order.status = REGISTERED;
        order.registeredAt = now;
        order.registeredBy = actor.username();
        order.append(EventType.REGISTERED, null, actor, now, null, Map.of());
        return order;
    }

    /** 即问即答: answered on the call, closed at once; the event names the knowledge article used, if any. */
    public void answerDirectly(String answer, AnswerArticles.AnswerArticle article, Actor actor, Instant now) {
        WorkOrderStatus from = begin(WorkOrderAction.ANSWER_DIRECTLY);
        directAnswer = answer;
        closeAs(Closure.ANSWERED_DIRECTLY, now);
        finish(WorkOrderAction.ANSWER_DIRECTLY, from, CLOSED, EventType.ANSWERED_DIRECTLY, actor, now, answer,
                article == null
                        ? Map.of()
                        : Map.of("article", article.slug(), "articleVersion", article.version(), "articleTitle",
                                article.title()));
    }

    /** 派单 to a lead department and any assisting departments (联办). */
    public void dispatch(DepartmentView lead, List<DepartmentView> assisting, ClockLimits limits,
            WorkingCalendar calendar, Actor actor, Instant now, String comment) {
        dispatch(lead, assisting, limits, calendar, actor, now, comment, null, Map.of());
    }

    /**
     * 派单 on the basis of a responsibility rule version, or automatically ({@code actor} null) with what decided it
     * in {@code basis}.
     */
    public void dispatch(DepartmentView lead, List<DepartmentView> assisting, ClockLimits limits,
            WorkingCalendar calendar, Actor actor, Instant now, String comment, Long ruleVersionId,
            Map<String, Object> basis) {
        WorkOrderStatus from = begin(WorkOrderAction.DISPATCH);
        assign(lead, assisting, limits, calendar, now);
        dispatchRuleId = ruleVersionId;
        needsDispatchReview = false;
        Map<String, Object> details = new LinkedHashMap<>(dispatchDetails(lead, assisting));
        details.putAll(basis);
        finish(WorkOrderAction.DISPATCH, from, DISPATCHED, EventType.DISPATCHED, actor, now, comment, details);
    }

    /** Marks the work order as an enterprise request (涉企诉求), for the business-environment desk. */
    public void markEnterpriseRequest(Actor actor, Instant now) {
        WorkOrderStatus from = begin(WorkOrderAction.MARK_ENTERPRISE_REQUEST);
        enterpriseRequest = true;
        finish(WorkOrderAction.MARK_ENTERPRISE_REQUEST, from, status, EventType.MARKED_ENTERPRISE_REQUEST, actor, now,
                null, Map.of());
    }

    /**
     * Records what automatic dispatch suggested when it was not sure enough to dispatch; with nobody to suggest, the
     * work order waits in the hotline's review queue.
     */
    public void recordDispatchSuggestion(boolean nobodyResponsible, Instant now, Map<String, Object> suggestion) {
        WorkOrderStatus from = begin(WorkOrderAction.SUGGEST_DISPATCH);
        needsDispatchReview = nobodyResponsible;
        finish(WorkOrderAction.SUGGEST_DISPATCH, from, status, EventType.DISPATCH_SUGGESTED, null, now, null,
                suggestion);
    }

    /** 签收 by the lead department. */
    public void accept(Actor actor, Instant now, String comment) {
        WorkOrderStatus from = begin(WorkOrderAction.ACCEPT);
        acceptedAt = now;
        finish(WorkOrderAction.ACCEPT, from, ACCEPTED, EventType.ACCEPTED, actor, now, comment, Map.of());
    }

    /** 退单: the lead department says it is not the owner; the clocks stop until the hotline decides. */
    public void requestReturn(String reason, Actor actor, Instant now) {
        WorkOrderStatus from = begin(WorkOrderAction.REQUEST_RETURN);
        withdrawPendingExtension(now);
        returnedFrom = from;
        returnReason = reason;
        pausedAt = now;
        finish(WorkOrderAction.REQUEST_RETURN, from, RETURN_REQUESTED, EventType.RETURN_REQUESTED, actor, now, reason,
                Map.of());
    }

    /** The hotline agrees with the return: the departments are released and the work order awaits re-dispatch. */
    public void approveReturn(Actor actor, Instant now, String comment) {
        WorkOrderStatus from = begin(WorkOrderAction.APPROVE_RETURN);
        for (Assignment assignment : activeAssignments()) {
            assignment.end(assignment.getRole() == AssignmentRole.LEAD
                    ? Assignment.EndReason.RETURNED
                    : Assignment.EndReason.RELEASED, now);
        }
        returnedByDepartmentId = leadDepartmentId;
        leadDepartmentId = null;
        returnedFrom = null;
        pausedAt = null;
        acceptDeadline = null;
        replyDeadline = null;
        finish(WorkOrderAction.APPROVE_RETURN, from, RETURNED, EventType.RETURN_APPROVED, actor, now, comment,
                Map.of());
    }

    /**
     * The hotline refuses the return: the work order goes back to the department as it was, and its deadlines move by
     * the time the decision took, which does not count against the department.
     */
    public void rejectReturn(WorkingCalendar calendar, Actor actor, Instant now, String comment) {
        WorkOrderStatus from = begin(WorkOrderAction.REJECT_RETURN);
        WorkOrderStatus target = returnedFrom;
        if (target == DISPATCHED) {
            acceptDeadline = TimeLimit.parse(acceptLimit).postpone(acceptDeadline, pausedAt, now, calendar);
        }
        replyDeadline = TimeLimit.parse(replyLimit).postpone(replyDeadline, pausedAt, now, calendar);
        returnedFrom = null;
        pausedAt = null;
        finish(WorkOrderAction.REJECT_RETURN, from, target, EventType.RETURN_REJECTED, actor, now, comment,
                deadlineDetails());
    }

    /** 改派 after an approved return, to a department other than the one that returned it. */
    public void redispatch(DepartmentView lead, List<DepartmentView> assisting, ClockLimits limits,
            WorkingCalendar calendar, Actor actor, Instant now, String comment, Long ruleVersionId) {
        WorkOrderStatus from = begin(WorkOrderAction.REDISPATCH);
        if (returnedByDepartmentId != null && returnedByDepartmentId == lead.id()) {
            throw InvalidFieldException.unacceptable("leadDepartment", "differs",
                    lead.name() + " 刚退回此工单，请改派给其他单位");
        }
        assign(lead, assisting, limits, calendar, now);
        dispatchRuleId = ruleVersionId;
        finish(WorkOrderAction.REDISPATCH, from, DISPATCHED, EventType.REDISPATCHED, actor, now, comment,
                dispatchDetails(lead, assisting));
    }

    /** 延期申请; one may be pending at a time. */
    public ExtensionRequest requestExtension(int days, String reason, Actor actor, Instant now) {
        WorkOrderStatus from = begin(WorkOrderAction.REQUEST_EXTENSION);
        ExtensionRequest request = new ExtensionRequest(this, leadDepartmentId, days, reason, actor.username(), now);
        extensionRequests.add(request);
        finish(WorkOrderAction.REQUEST_EXTENSION, from, ACCEPTED, EventType.EXTENSION_REQUESTED, actor, now, reason,
                Map.of("days", days));
        return request;
    }

    /** Approves the pending extension: the reply deadline moves by its working days. */
    public void approveExtension(WorkingCalendar calendar, Actor actor, Instant now, String comment) {
        WorkOrderStatus from = begin(WorkOrderAction.APPROVE_EXTENSION);
        ExtensionRequest request = requirePendingExtension();
        Instant before = replyDeadline;
        replyDeadline = calendar.addWorkingDays(replyDeadline, request.getDays());
        request.decide(ExtensionStatus.APPROVED, actor.username(), now, comment);
        finish(WorkOrderAction.APPROVE_EXTENSION, from, ACCEPTED, EventType.EXTENSION_APPROVED, actor, now, comment,
                Map.of("days", request.getDays(), "previousReplyDeadline", before.toString(), "replyDeadline",
                        replyDeadline.toString()));
    }

    /** Rejects the pending extension; the reply deadline stays. */
    public void rejectExtension(Actor actor, Instant now, String comment) {
        WorkOrderStatus from = begin(WorkOrderAction.REJECT_EXTENSION);
        ExtensionRequest request = requirePendingExtension();
        request.decide(ExtensionStatus.REJECTED, actor.username(), now, comment);
        finish(WorkOrderAction.REJECT_EXTENSION, from, ACCEPTED, EventType.EXTENSION_REJECTED, actor, now, comment,
                Map.of("days", request.getDays()));
    }

    /** An assisting department's contribution to joint handling; submitting again replaces it. */
    public void submitAssistInput(long departmentId, String input, Actor actor, Instant now) {
        WorkOrderStatus from = begin(WorkOrderAction.SUBMIT_ASSIST_INPUT);
        Assignment assignment = activeAssignment(departmentId)
                .filter(a -> a.getRole() == AssignmentRole.ASSISTING)
                .orElseThrow(() -> new IllegalStateException("department " + departmentId + " is not assisting"));
        assignment.recordInput(input, actor.username(), now);
        finish(WorkOrderAction.SUBMIT_ASSIST_INPUT, from, from, EventType.ASSIST_INPUT_SUBMITTED, actor, now, input,
                Map.of());
    }

    /** 回复 by the lead department; stops the reply clock. */
    public void reply(String content, Actor actor, Instant now) {
        WorkOrderStatus from = begin(WorkOrderAction.REPLY);
        withdrawPendingExtension(now);
        reply = content;
        repliedAt = now;
        finish(WorkOrderAction.REPLY, from, REPLIED, EventType.REPLIED, actor, now, content, Map.of());
    }

    /** 审核 passed: the work order waits for the callback. */
    public void approveReply(Actor actor, Instant now, String comment) {
        WorkOrderStatus from = begin(WorkOrderAction.APPROVE_REPLY);
        finish(WorkOrderAction.APPROVE_REPLY, from, REVIEWED, EventType.REPLY_APPROVED, actor, now, comment, Map.of());
    }

    /** 审核 failed: reopened (重办) to the same department with fresh clocks. */
    public void rejectReply(String reason, ClockLimits limits, WorkingCalendar calendar, Actor actor, Instant now) {
        WorkOrderStatus from = begin(WorkOrderAction.REJECT_REPLY);
        reopen(limits, calendar, now);
        finish(WorkOrderAction.REJECT_REPLY, from, DISPATCHED, EventType.REPLY_REJECTED, actor, now, reason,
                deadlineDetails());
    }

    /** 回访: closes the work order, reopens it when the citizen is dissatisfied, or records an unanswered call. */
    public void recordCallback(CallbackResult result, ClockLimits limits, WorkingCalendar calendar, Actor actor,
            Instant now, String comment) {
        WorkOrderStatus from = begin(WorkOrderAction.RECORD_CALLBACK);
        callbackAttempts++;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reached", result.reached());
        WorkOrderStatus target = REVIEWED;
        if (result.reached()) {
            resolved = result.resolved();
            satisfaction = result.satisfaction();
            callbackAt = now;
            details.put("resolved", result.resolved());
            details.put("satisfaction", result.satisfaction().name());
            if (result.satisfaction() == Satisfaction.DISSATISFIED) {
                reopen(limits, calendar, now);
                details.putAll(deadlineDetails());
                target = DISPATCHED;
            } else {
                closeAs(Closure.CALLBACK_COMPLETED, now);
                target = CLOSED;
            }
        }
        finish(WorkOrderAction.RECORD_CALLBACK, from, target, EventType.CALLBACK_RECORDED, actor, now, comment,
                details);
    }

    /** 办结 without a callback, e.g. when the citizen cannot be reached. */
    public void close(Actor actor, Instant now, String comment) {
        WorkOrderStatus from = begin(WorkOrderAction.CLOSE);
        closeAs(Closure.CLOSED_WITHOUT_CALLBACK, now);
        finish(WorkOrderAction.CLOSE, from, CLOSED, EventType.CLOSED, actor, now, comment, Map.of());
    }

    /** 催办: a reminder to the department; the state does not change. */
    public void urge(Actor actor, Instant now, String comment) {
        WorkOrderStatus from = begin(WorkOrderAction.URGE);
        finish(WorkOrderAction.URGE, from, from, EventType.URGED, actor, now, comment, Map.of());
    }

    /** 督办: formal supervision; the state does not change. */
    public void supervise(Actor actor, Instant now, String comment) {
        WorkOrderStatus from = begin(WorkOrderAction.SUPERVISE);
        finish(WorkOrderAction.SUPERVISE, from, from, EventType.SUPERVISED, actor, now, comment, Map.of());
    }

    /** 并单: this duplicate closes as merged and points to the primary, whose history records the merge too. */
    public void mergeInto(WorkOrder primary, Actor actor, Instant now, String comment) {
        WorkOrderStatus from = begin(WorkOrderAction.MERGE);
        if (primary.number.equals(number)) {
            throw InvalidFieldException.unacceptable("primary", "differs", "工单不能并入它自己");
        }
        if (primary.status == CLOSED) {
            throw new ConflictException("工单 " + primary.number + " 已办结，不能再并入重复件");
        }
        withdrawPendingExtension(now);
        mergedIntoNumber = primary.number;
        closeAs(Closure.MERGED, now);
        finish(WorkOrderAction.MERGE, from, CLOSED, EventType.MERGED, actor, now, comment,
                Map.of("primary", primary.number));
        primary.append(EventType.DUPLICATE_MERGED, primary.status, actor, now, comment, Map.of("duplicate", number));
    }

    /**
     * 关联: this later request records the existing work order about the same matter, whose history records it too;
     * neither changes state. It is a repeat (重复件) when the existing one was not closed yet.
     */
    void relateTo(WorkOrder existing, Actor actor, Instant now) {
        if (existing.number.equals(number)) {
            throw InvalidFieldException.unacceptable("existing", "differs", "工单不能关联它自己");
        }
        append(EventType.RELATED, status, actor, now, null,
                Map.of("existing", existing.number, "repeat", existing.status != CLOSED));
        existing.append(EventType.RELATED_LATER, existing.status, actor, now, null, Map.of("later", number));
    }

    /**
     * 好差评: the citizen's rating of the approved reply; it counts as their satisfaction in the three-level rates
     * (a later callback's answer replaces it, as a later rating replaces the callback's).
     */
    public void rate(ServiceRating rating, Instant now, String channel) {
        WorkOrderStatus from = begin(WorkOrderAction.RATE);
        satisfaction = rating.satisfaction();
        finish(WorkOrderAction.RATE, from, from, EventType.SERVICE_RATED, null, now, null,
                Map.of("rating", rating.name(), "channel", channel));
    }

    /**
     * An exchange with a partner system about this work order (handed to 110 or another city; its 受理 or result
     * reported back); the state does not change.
     */
    public void recordPartnerExchange(String summary, String text, Instant now) {
        append(EventType.PARTNER_EXCHANGE, status, null, now, text, Map.of("summary", summary));
    }

    /** 差评核实 upheld: reopened (重办) to the department that replied, with fresh clocks. */
    public void reopenAfterRating(String reason, ClockLimits limits, WorkingCalendar calendar, Actor actor,
            Instant now) {
        WorkOrderStatus from = begin(WorkOrderAction.REOPEN_AFTER_RATING);
        if (leadDepartmentId == null) {
            throw new ConflictException("Work order " + number + " has no department to reopen it to");
        }
        reopen(limits, calendar, now);
        closure = null;
        closedAt = null;
        finish(WorkOrderAction.REOPEN_AFTER_RATING, from, DISPATCHED, EventType.REOPENED_AFTER_RATING, actor, now,
                reason, deadlineDetails());
    }

    /** Records what the deadline supervision did; the status does not change. */
    public void recordSupervision(EventType type, Instant now, Map<String, Object> details) {
        if (!type.isSupervision()) {
            throw new IllegalArgumentException(type + " is not a supervision event");
        }
        append(type, status, null, now, null, details);
    }

    /** What {@link #recalculateDeadlines} did. */
    public enum Recalculation {
        /** a running clock's deadline moved; the history says from when to when */
        MOVED,
        /** the new schedule leaves the deadlines where they were */
        UNCHANGED,
        /** the history does not reproduce the stored deadlines under the previous schedule: left as they are */
        UNMATCHED
    }

    /**
     * The holiday schedule changed: the running clocks' deadlines are worked out again under {@code current} the way
     * the steps that set them did, replayed from the history (the work order keeps no column for when its clocks
     * last started): from the latest dispatch, re-dispatch or reopen, postponed by the pause of each rejected return,
     * extended by each approved extension. A deadline that the same replay under {@code previous} does not reproduce
     * was set some other way and is left alone. A moved deadline is recorded with both times, so that the department
     * sees why it moved.
     */
    public Recalculation recalculateDeadlines(WorkingCalendar previous, WorkingCalendar current, Actor actor,
            Instant now, String reason) {
        boolean acceptRunning = acceptedAt == null && (status == DISPATCHED || status == RETURN_REQUESTED);
        boolean replyRunning = status == DISPATCHED || status == ACCEPTED || status == RETURN_REQUESTED;
        if (!acceptRunning && !replyRunning) {
            return Recalculation.UNCHANGED;
        }
        Optional<ClockDeadlines> before = replayDeadlines(previous);
        if (before.isEmpty() || acceptRunning && !sameMoment(before.get().accept(), acceptDeadline)
                || replyRunning && !sameMoment(before.get().reply(), replyDeadline)) {
            return Recalculation.UNMATCHED;
        }
        ClockDeadlines after = replayDeadlines(current).orElseThrow();
        DateTimeFormatter minutes = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(current.zone());
        Map<String, Object> details = new LinkedHashMap<>();
        StringBuilder comment = new StringBuilder(reason);
        if (acceptRunning && !sameMoment(after.accept(), acceptDeadline)) {
            details.put("previousAcceptDeadline", acceptDeadline.toString());
            details.put("acceptDeadline", after.accept().toString());
            comment.append("；签收截止 ").append(minutes.format(acceptDeadline)).append(" → ")
                    .append(minutes.format(after.accept()));
            acceptDeadline = after.accept();
        }
        if (replyRunning && !sameMoment(after.reply(), replyDeadline)) {
            details.put("previousReplyDeadline", replyDeadline.toString());
            details.put("replyDeadline", after.reply().toString());
            comment.append("；回复截止 ").append(minutes.format(replyDeadline)).append(" → ")
                    .append(minutes.format(after.reply()));
            replyDeadline = after.reply();
        }
        if (details.isEmpty()) {
            return Recalculation.UNCHANGED;
        }
        append(EventType.DEADLINES_RECALCULATED, status, actor, now, comment.toString(), details);
        return Recalculation.MOVED;
    }

    private record ClockDeadlines(Instant accept, Instant reply) {
    }

    /** The deadlines the history leads to under {@code calendar}; empty when no step in it started the clocks. */
    private Optional<ClockDeadlines> replayDeadlines(WorkingCalendar calendar) {
        int start = history.size() - 1;
        while (start >= 0 && !startsClocks(history.get(start))) {
            start--;
        }
        if (start < 0 || acceptLimit == null || replyLimit == null) {
            return Optional.empty();
        }
        TimeLimit forAccept = TimeLimit.parse(acceptLimit);
        TimeLimit forReply = TimeLimit.parse(replyLimit);
        Instant started = history.get(start).getOccurredAt();
        Instant accept = forAccept.deadlineFrom(started, calendar);
        Instant reply = forReply.deadlineFrom(started, calendar);
        Instant paused = null;
        for (WorkOrderEvent event : history.subList(start + 1, history.size())) {
            Instant at = event.getOccurredAt();
            switch (event.getType()) {
                case RETURN_REQUESTED -> paused = at;
                case RETURN_REJECTED -> {
                    if (paused == null) {
                        return Optional.empty();
                    }
                    if (event.getToStatus() == DISPATCHED) {
                        accept = forAccept.postpone(accept, paused, at, calendar);
                    }
                    reply = forReply.postpone(reply, paused, at, calendar);
                }
                case EXTENSION_APPROVED -> reply = calendar.addWorkingDays(reply,
                        ((Number) event.getDetails().get("days")).intValue());
                default -> {
                    // no other step moves a running clock
                }
            }
        }
        return Optional.of(new ClockDeadlines(accept, reply));
    }

    /**
     * Dispatch, re-dispatch and the three kinds of reopen (review failed, citizen dissatisfied, bad rating upheld)
     * start both clocks.
     */
    private static boolean startsClocks(WorkOrderEvent event) {
        return switch (event.getType()) {
            case DISPATCHED, REDISPATCHED, REPLY_REJECTED, REOPENED_AFTER_RATING -> true;
            case CALLBACK_RECORDED -> event.getToStatus() == DISPATCHED;
            default -> false;
        };
    }

    /** PostgreSQL keeps microseconds. */
    private static boolean sameMoment(Instant a, Instant b) {
        return a != null && b != null && a.truncatedTo(ChronoUnit.MICROS).equals(b.truncatedTo(ChronoUnit.MICROS));
    }

    public Optional<Assignment> activeAssignment(long departmentId) {
        return assignments.stream().filter(a -> a.isActive() && a.getDepartmentId() == departmentId).findFirst();
    }

    public List<Assignment> activeAssignments() {
        return assignments.stream().filter(Assignment::isActive).toList();
    }

    /** Whether the department holds or once held a part in this work order. */
    public boolean everAssignedTo(long departmentId) {
        return assignments.stream().anyMatch(a -> a.getDepartmentId() == departmentId);
    }

    public Optional<ExtensionRequest> pendingExtension() {
        return extensionRequests.stream().filter(ExtensionRequest::isPending).findFirst();
    }

    /**
     * Whether the step may be taken now: the lifecycle allows it from the current state, and what the step itself
     * needs holds (a pending extension to decide, none pending to ask for another, not marked twice). Who may take it
     * is {@link WorkOrderPolicy}'s question.
     */
    public boolean allows(WorkOrderAction action) {
        return action.allowedFrom(status) && unmetCondition(action) == null;
    }

    /** Why the step's own condition does not hold now, or {@code null} when it does. */
    private String unmetCondition(WorkOrderAction action) {
        return switch (action) {
            case REQUEST_EXTENSION -> pendingExtension().isPresent() ? "已有一项延期申请待审批" : null;
            case APPROVE_EXTENSION, REJECT_EXTENSION -> pendingExtension().isEmpty() ? "没有待审批的延期申请" : null;
            case MARK_ENTERPRISE_REQUEST -> enterpriseRequest ? "已是涉企诉求" : null;
            default -> null;
        };
    }

    private WorkOrderStatus begin(WorkOrderAction action) {
        action.requireAllowedFrom(number, status);
        String unmet = unmetCondition(action);
        if (unmet != null) {
            throw new ConflictException("工单 " + number + " " + unmet);
        }
        return status;
    }

    private void finish(WorkOrderAction action, WorkOrderStatus from, WorkOrderStatus target, EventType type,
            Actor actor, Instant now, String comment, Map<String, Object> details) {
        status = action.requireTarget(target);
        append(type, from, actor, now, comment, details);
    }

    private void append(EventType type, WorkOrderStatus from, Actor actor, Instant now, String comment,
            Map<String, Object> details) {
        history.add(new WorkOrderEvent(this, type, now, actor, from, status, comment, details));
    }

    private void assign(DepartmentView lead, List<DepartmentView> assisting, ClockLimits limits,
            WorkingCalendar calendar, Instant now) {
        leadDepartmentId = lead.id();
        assignments.add(new Assignment(this, lead.id(), AssignmentRole.LEAD, now));
        for (DepartmentView department : assisting) {
            assignments.add(new Assignment(this, department.id(), AssignmentRole.ASSISTING, now));
        }
        dispatchedAt = now;
        startClocks(limits, calendar, now);
    }

    private void reopen(ClockLimits limits, WorkingCalendar calendar, Instant now) {
        reopenCount++;
        reply = null;
        startClocks(limits, calendar, now);
    }

    private void startClocks(ClockLimits limits, WorkingCalendar calendar, Instant start) {
        acceptLimit = limits.accept().toString();
        acceptDeadline = limits.accept().deadlineFrom(start, calendar);
        acceptedAt = null;
        replyLimit = limits.reply().toString();
        replyDeadline = limits.reply().deadlineFrom(start, calendar);
        repliedAt = null;
    }

    private void closeAs(Closure how, Instant now) {
        closure = how;
        closedAt = now;
    }

    /** Called after {@link #begin} checked that one is pending. */
    private ExtensionRequest requirePendingExtension() {
        return pendingExtension().orElseThrow();
    }

    private void withdrawPendingExtension(Instant now) {
        pendingExtension().ifPresent(request -> {
            request.decide(ExtensionStatus.WITHDRAWN, null, now, null);
            append(EventType.EXTENSION_WITHDRAWN, status, null, now, null, Map.of("days", request.getDays()));
        });
    }

    private Map<String, Object> dispatchDetails(DepartmentView lead, List<DepartmentView> assisting) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("leadDepartment", lead.code());
        details.put("assistingDepartments", assisting.stream().map(DepartmentView::code).toList());
        details.putAll(deadlineDetails());
        return details;
    }

    private Map<String, Object> deadlineDetails() {
        return Map.of("acceptDeadline", acceptDeadline.toString(), "replyDeadline", replyDeadline.toString());
    }

    public Long getId() {
        return id;
    }

    public String getNumber() {
        return number;
    }

    public Channel getChannel() {
        return channel;
    }

    public RequestType getRequestType() {
        return requestType;
    }

    public Citizen getCitizen() {
        return citizen;
    }

    public Enterprise getEnterprise() {
        return enterprise;
    }

    public String getTitle() {
        return title;
    }

    public String getContent() {
        return content;
    }

    public Location getLocation() {
        return location;
    }

    public Long getCategoryId() {
        return categoryId;
    }

    public Urgency getUrgency() {
        return urgency;
    }

    public boolean isSimple() {
        return simple;
    }

    public WorkOrderStatus getStatus() {
        return status;
    }

    public boolean isEnterpriseRequest() {
        return enterpriseRequest;
    }

    public Long getDispatchRuleId() {
        return dispatchRuleId;
    }

    public boolean needsDispatchReview() {
        return needsDispatchReview;
    }

    public Long getLeadDepartmentId() {
        return leadDepartmentId;
    }

    public Instant getRegisteredAt() {
        return registeredAt;
    }

    public String getRegisteredBy() {
        return registeredBy;
    }

    public Instant getDispatchedAt() {
        return dispatchedAt;
    }

    public String getAcceptLimit() {
        return acceptLimit;
    }

    public Instant getAcceptDeadline() {
        return acceptDeadline;
    }

    public Instant getAcceptedAt() {
        return acceptedAt;
    }

    public String getReplyLimit() {
        return replyLimit;
    }

    public Instant getReplyDeadline() {
        return replyDeadline;
    }

    public Instant getRepliedAt() {
        return repliedAt;
    }

    public String getReply() {
        return reply;
    }

    public Instant getPausedAt() {
        return pausedAt;
    }

    public String getReturnReason() {
        return returnReason;
    }

    public int getReopenCount() {
        return reopenCount;
    }

    public int getCallbackAttempts() {
        return callbackAttempts;
    }

    public Instant getCallbackAt() {
        return callbackAt;
    }

    public Boolean getResolved() {
        return resolved;
    }

    public Satisfaction getSatisfaction() {
        return satisfaction;
    }

    public String getDirectAnswer() {
        return directAnswer;
    }

    public Closure getClosure() {
        return closure;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getMergedIntoNumber() {
        return mergedIntoNumber;
    }

    public String getOriginCallId() {
        return originCallId;
    }

    public List<WorkOrderEvent> getHistory() {
        return history;
    }

    public List<Assignment> getAssignments() {
        return assignments;
    }

    public List<ExtensionRequest> getExtensionRequests() {
        return extensionRequests;
    }
}
