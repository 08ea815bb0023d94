package org.hotline12345.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.hotline12345.calendar.TimeLimit;
import org.hotline12345.calendar.WorkingCalendar;
import org.hotline12345.common.ConflictException;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.common.Labels;
import org.hotline12345.department.DepartmentKind;
import org.hotline12345.department.DepartmentView;
import org.hotline12345.security.Actor;
import org.hotline12345.support.Shanghai;
import org.hotline12345.user.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The lifecycle on the domain object alone: every action from every state, and what each branch does. */
class WorkOrderLifecycleTest {

    static final WorkingCalendar CALENDAR = Shanghai.CALENDAR;
    static final ClockLimits LIMITS = new ClockLimits(TimeLimit.workingDays(1), TimeLimit.workingDays(5));
    static final DepartmentView HOUSING = new DepartmentView(1, "HOUSING", "市住建局", DepartmentKind.CITY_DEPARTMENT,
            null, true, null, null);
    static final DepartmentView MARKET = new DepartmentView(2, "SAMR", "市市场监管局", DepartmentKind.CITY_DEPARTMENT,
            null, true, null, null);
    static final DepartmentView EAST = new DepartmentView(3, "D-EAST", "城东区人民政府",
            DepartmentKind.DISTRICT_GOVERNMENT, "城东区", true, null, null);
    static final Actor AGENT = new Actor(1, "agent", "王坐席", Role.AGENT, null);
    static final Actor SUPERVISOR = new Actor(2, "supervisor", "陈班长", Role.SUPERVISOR, null);
    static final Actor HOUSING_STAFF = new Actor(3, "housing", "李承办", Role.DEPARTMENT_STAFF, 1L);
    static final Actor MARKET_STAFF = new Actor(4, "market", "赵承办", Role.DEPARTMENT_STAFF, 2L);
    /** Monday 2026-11-23 10:00 in Shanghai. */
    static final Instant MONDAY = Shanghai.at("2026-11-23T10:00");

    static WorkOrder registered() {
        return registered("20261123-000001");
    }

    static WorkOrder registered(String number) {
        Intake intake = new Intake(Channel.PHONE, RequestType.COMPLAINT,
                new Citizen("张三", "13812345678", Occupation.OTHER, false), null, "物业乱收费", "物业费上调未公示",
                new Location("城东区", "东门街道", "幸福路 18 号"), 7L, Urgency.NORMAL, false, false, null);
        return WorkOrder.register(number, intake, AGENT, MONDAY);
    }

    static WorkOrder in(WorkOrderStatus status) {
        return in(status, "20261123-000001");
    }

    /** A work order brought to {@code status} by the ordinary path. */
    static WorkOrder in(WorkOrderStatus status, String number) {
        WorkOrder order = registered(number);
        Instant t = MONDAY;
        switch (status) {
            case REGISTERED -> {
            }
            default -> {
                order.dispatch(HOUSING, List.of(MARKET), LIMITS, CALENDAR, AGENT, t, null);
                switch (status) {
                    case DISPATCHED -> {
                    }
                    case ACCEPTED -> order.accept(HOUSING_STAFF, t, null);
                    case RETURN_REQUESTED -> order.requestReturn("不属于本单位职责", HOUSING_STAFF, t);
                    case RETURNED -> {
                        order.requestReturn("不属于本单位职责", HOUSING_STAFF, t);
                        order.approveReturn(SUPERVISOR, t, null);
                    }
                    case REPLIED, REVIEWED, CLOSED -> {
                        order.accept(HOUSING_STAFF, t, null);
                        order.reply("已约谈物业公司", HOUSING_STAFF, t);
                        if (status != WorkOrderStatus.REPLIED) {
                            order.approveReply(SUPERVISOR, t, null);
                        }
                        if (status == WorkOrderStatus.CLOSED) {
                            order.recordCallback(new CallbackResult(true, true, Satisfaction.SATISFIED), LIMITS,
                                    CALENDAR, AGENT, t, null);
                        }
                    }
                    default -> throw new IllegalArgumentException(status.name());
                }
            }
        }
        assertThat(order.getStatus()).isEqualTo(status);
        return order;
    }

    /** Performs {@code action} with valid arguments, as the role that may do it. */
    static void perform(WorkOrderAction action, WorkOrder order) {
        Instant t = MONDAY.plus(Duration.ofHours(1));
        switch (action) {
            case ANSWER_DIRECTLY -> order.answerDirectly("已当场解答", null, AGENT, t);
            case DISPATCH -> order.dispatch(HOUSING, List.of(), LIMITS, CALENDAR, AGENT, t, null);
            case ACCEPT -> order.accept(HOUSING_STAFF, t, null);
            case REQUEST_RETURN -> order.requestReturn("不属于本单位职责", HOUSING_STAFF, t);
            case APPROVE_RETURN -> order.approveReturn(SUPERVISOR, t, null);
            case REJECT_RETURN -> order.rejectReturn(CALENDAR, SUPERVISOR, t, "属于你单位职责");
            case SUGGEST_DISPATCH -> order.recordDispatchSuggestion(false, t, Map.of("confidence", 0.5));
            case MARK_ENTERPRISE_REQUEST -> order.markEnterpriseRequest(AGENT, t);
            case REDISPATCH -> order.redispatch(EAST, List.of(), LIMITS, CALENDAR, AGENT, t, null, null);
            case REQUEST_EXTENSION -> order.requestExtension(3, "需现场勘查", HOUSING_STAFF, t);
            case APPROVE_EXTENSION -> {
                if (order.getStatus() == WorkOrderStatus.ACCEPTED) {
                    order.requestExtension(3, "需现场勘查", HOUSING_STAFF, t);
                }
                order.approveExtension(CALENDAR, SUPERVISOR, t, null);
            }
            case REJECT_EXTENSION -> {
                if (order.getStatus() == WorkOrderStatus.ACCEPTED) {
                    order.requestExtension(3, "需现场勘查", HOUSING_STAFF, t);
                }
                order.rejectExtension(SUPERVISOR, t, "时限充足");
            }
            case SUBMIT_ASSIST_INPUT -> order.submitAssistInput(MARKET.id(), "已配合核查", MARKET_STAFF, t);
            case REPLY -> order.reply("已处理", HOUSING_STAFF, t);
            case APPROVE_REPLY -> order.approveReply(SUPERVISOR, t, null);
            case REJECT_REPLY -> order.rejectReply("答复不完整", LIMITS, CALENDAR, SUPERVISOR, t);
            case RECORD_CALLBACK -> order.recordCallback(new CallbackResult(true, true, Satisfaction.SATISFIED), LIMITS,
                    CALENDAR, AGENT, t, null);
            case CLOSE -> order.close(SUPERVISOR, t, "多次联系不上市民");
            case URGE -> order.urge(AGENT, t, "请尽快办理");
            case SUPERVISE -> order.supervise(SUPERVISOR, t, "督办");
            case MERGE -> order.mergeInto(in(WorkOrderStatus.DISPATCHED, "20261123-000099"), AGENT, t, "重复来电");
            case RATE -> order.rate(ServiceRating.DISSATISFIED, t, "PORTAL");
            case REOPEN_AFTER_RATING -> order.reopenAfterRating("差评属实，重办", LIMITS, CALENDAR, SUPERVISOR, t);
        }
    }

    static Stream<Arguments> everyActionFromEveryState() {
        List<Arguments> cases = new ArrayList<>();
        for (WorkOrderStatus status : WorkOrderStatus.values()) {
            for (WorkOrderAction action : WorkOrderAction.values()) {
                cases.add(Arguments.of(status, action));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{1} from {0}")
    @MethodSource("everyActionFromEveryState")
    void everyActionIsAllowedExactlyWhereTheTableSays(WorkOrderStatus status, WorkOrderAction action) {
        WorkOrder order = in(status);
        int events = order.getHistory().size();
        if (action.allowedFrom(status)) {
            perform(action, order);
            assertThat(action.possibleTargets()).contains(order.getStatus());
            assertThat(order.getHistory()).hasSizeGreaterThan(events);
            WorkOrderEvent last = order.getHistory().get(order.getHistory().size() - 1);
            assertThat(last.getToStatus()).isEqualTo(order.getStatus());
        } else {
            assertThatThrownBy(() -> perform(action, order))
                    .isInstanceOfSatisfying(InvalidWorkOrderStateException.class, e -> {
                        assertThat(e.current()).isEqualTo(status);
                        // the message is read by people: the state and the step by their Chinese names
                        assertThat(e.getMessage()).contains("“" + Labels.label(status) + "”")
                                .contains("“" + Labels.label(action) + "”");
                        assertThat(e.properties()).containsEntry("requiredStatus", action.allowedFrom());
                    });
            assertThat(order.getStatus()).as("a refused action changes nothing").isEqualTo(status);
            assertThat(order.getHistory()).hasSize(events);
        }
    }

    @Test
    void theHappyPathRecordsWhoDidWhatInOrder() {
        WorkOrder order = in(WorkOrderStatus.REVIEWED);
        order.recordCallback(new CallbackResult(true, true, Satisfaction.BASICALLY_SATISFIED), LIMITS, CALENDAR, AGENT,
                MONDAY, "市民认可");
        assertThat(order.getStatus()).isEqualTo(WorkOrderStatus.CLOSED);
        assertThat(order.getClosure()).isEqualTo(Closure.CALLBACK_COMPLETED);
        assertThat(order.getHistory()).extracting(WorkOrderEvent::getType).containsExactly(EventType.REGISTERED,
                EventType.DISPATCHED, EventType.ACCEPTED, EventType.REPLIED, EventType.REPLY_APPROVED,
                EventType.CALLBACK_RECORDED);
        assertThat(order.getHistory()).extracting(WorkOrderEvent::getActorUsername).containsExactly("agent", "agent",
                "housing", "housing", "supervisor", "agent");
        assertThat(order.getHistory().get(2).getActorDepartmentId()).isEqualTo(HOUSING.id());
    }

    @Test
    void dispatchStartsBothClocks() {
        WorkOrder order = in(WorkOrderStatus.DISPATCHED);
        assertThat(order.getAcceptDeadline()).isEqualTo(Shanghai.at("2026-11-24T10:00"));
        assertThat(order.getReplyDeadline()).isEqualTo(Shanghai.at("2026-11-30T10:00"));
        assertThat(order.getAcceptLimit()).isEqualTo("1wd");
        assertThat(order.activeAssignments()).extracting(Assignment::getDepartmentId).containsExactly(1L, 2L);
    }

    @Test
    void aRejectedReturnGoesBackAndTheWaitDoesNotCount() {
        WorkOrder order = in(WorkOrderStatus.ACCEPTED);
        Instant replyDeadline = order.getReplyDeadline();
        order.requestReturn("不属于本单位职责", HOUSING_STAFF, Shanghai.at("2026-11-24T09:00"));
        order.rejectReturn(CALENDAR, SUPERVISOR, Shanghai.at("2026-11-25T15:00"), "属于你单位职责");
        assertThat(order.getStatus()).isEqualTo(WorkOrderStatus.ACCEPTED);
        assertThat(order.getReplyDeadline()).isEqualTo(replyDeadline.plus(Duration.ofHours(30)));
        assertThat(order.getPausedAt()).isNull();
    }

    @Test
    void anApprovedReturnReleasesTheDepartmentsAndReDispatchMustGoElsewhere() {
        WorkOrder order = in(WorkOrderStatus.RETURNED);
        assertThat(order.getLeadDepartmentId()).isNull();
        assertThat(order.activeAssignments()).isEmpty();
        assertThat(order.everAssignedTo(HOUSING.id())).isTrue();
        assertThatThrownBy(() -> order.redispatch(HOUSING, List.of(), LIMITS, CALENDAR, AGENT, MONDAY, null, null))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.status()).isEqualTo(422));
        Instant later = Shanghai.at("2026-11-25T11:00");
        order.redispatch(EAST, List.of(), LIMITS, CALENDAR, AGENT, later, "改派属地", null);
        assertThat(order.getStatus()).isEqualTo(WorkOrderStatus.DISPATCHED);
        assertThat(order.getLeadDepartmentId()).isEqualTo(EAST.id());
        assertThat(order.getReplyDeadline()).as("the reply clock restarts").isEqualTo(
                Shanghai.at("2026-12-02T11:00"));
    }

    @Test
    void anApprovedExtensionMovesTheReplyDeadlineByWorkingDays() {
        WorkOrder order = in(WorkOrderStatus.ACCEPTED);
        order.requestExtension(3, "需现场勘查", HOUSING_STAFF, MONDAY);
        assertThatThrownBy(() -> order.requestExtension(2, "再延", HOUSING_STAFF, MONDAY))
                .isInstanceOf(ConflictException.class);
        order.approveExtension(CALENDAR, SUPERVISOR, MONDAY, null);
        assertThat(order.getReplyDeadline()).as("Monday 11-30 plus 3 working days")
                .isEqualTo(Shanghai.at("2026-12-03T10:00"));
        assertThat(order.pendingExtension()).isEmpty();
        assertThat(order.getExtensionRequests().get(0).getStatus()).isEqualTo(ExtensionStatus.APPROVED);
    }

    @Test
    void aRejectedExtensionKeepsTheDeadline() {
        WorkOrder order = in(WorkOrderStatus.ACCEPTED);
        Instant deadline = order.getReplyDeadline();
        order.requestExtension(3, "需现场勘查", HOUSING_STAFF, MONDAY);
        order.rejectExtension(SUPERVISOR, MONDAY, "时限充足");
        assertThat(order.getReplyDeadline()).isEqualTo(deadline);
        assertThatThrownBy(() -> order.approveExtension(CALENDAR, SUPERVISOR, MONDAY, null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("没有待审批的延期申请");
    }

    @Test
    void replyingWithdrawsAPendingExtension() {
        WorkOrder order = in(WorkOrderStatus.ACCEPTED);
        order.requestExtension(3, "需现场勘查", HOUSING_STAFF, MONDAY);
        order.reply("已处理", HOUSING_STAFF, MONDAY);
        assertThat(order.getExtensionRequests().get(0).getStatus()).isEqualTo(ExtensionStatus.WITHDRAWN);
        assertThat(order.getHistory()).extracting(WorkOrderEvent::getType).contains(EventType.EXTENSION_WITHDRAWN);
    }

    @Test
    void aFailedReviewReopensToTheSameDepartmentWithFreshClocks() {
        WorkOrder order = in(WorkOrderStatus.REPLIED);
        Instant later = Shanghai.at("2026-11-26T16:00");
        order.rejectReply("答复未回应诉求", LIMITS, CALENDAR, SUPERVISOR, later);
        assertThat(order.getStatus()).isEqualTo(WorkOrderStatus.DISPATCHED);
        assertThat(order.getLeadDepartmentId()).isEqualTo(HOUSING.id());
        assertThat(order.getReopenCount()).isEqualTo(1);
        assertThat(order.getReply()).isNull();
        assertThat(order.getReplyDeadline()).isEqualTo(Shanghai.at("2026-12-03T16:00"));
    }

    @Test
    void aDissatisfiedCitizenReopensTheWorkOrder() {
        WorkOrder order = in(WorkOrderStatus.REVIEWED);
        order.recordCallback(new CallbackResult(true, false, Satisfaction.DISSATISFIED), LIMITS, CALENDAR, AGENT,
                MONDAY, "问题未解决");
        assertThat(order.getStatus()).isEqualTo(WorkOrderStatus.DISPATCHED);
        assertThat(order.getReopenCount()).isEqualTo(1);
        assertThat(order.getSatisfaction()).isEqualTo(Satisfaction.DISSATISFIED);
        assertThat(order.getClosure()).isNull();
    }

    @Test
    void anUnansweredCallbackOnlyCountsTheAttempt() {
        WorkOrder order = in(WorkOrderStatus.REVIEWED);
        order.recordCallback(new CallbackResult(false, null, null), LIMITS, CALENDAR, AGENT, MONDAY, "无人接听");
        assertThat(order.getStatus()).isEqualTo(WorkOrderStatus.REVIEWED);
        assertThat(order.getCallbackAttempts()).isEqualTo(1);
        order.close(SUPERVISOR, MONDAY, "三次回访未接通");
        assertThat(order.getClosure()).isEqualTo(Closure.CLOSED_WITHOUT_CALLBACK);
    }

    @Test
    void aMergedDuplicateClosesAndThePrimaryRecordsIt() {
        WorkOrder primary = in(WorkOrderStatus.ACCEPTED, "20261123-000002");
        WorkOrder duplicate = registered();
        duplicate.mergeInto(primary, AGENT, MONDAY, "同一诉求重复来电");
        assertThat(duplicate.getStatus()).isEqualTo(WorkOrderStatus.CLOSED);
        assertThat(duplicate.getClosure()).isEqualTo(Closure.MERGED);
        assertThat(duplicate.getMergedIntoNumber()).isEqualTo("20261123-000002");
        WorkOrderEvent recorded = primary.getHistory().get(primary.getHistory().size() - 1);
        assertThat(recorded.getType()).isEqualTo(EventType.DUPLICATE_MERGED);
        assertThat(recorded.getDetails()).containsEntry("duplicate", "20261123-000001");
        assertThat(primary.getStatus()).isEqualTo(WorkOrderStatus.ACCEPTED);
    }

    @Test
    void noMergeIntoItselfOrIntoAClosedWorkOrder() {
        WorkOrder order = registered();
        assertThatThrownBy(() -> order.mergeInto(order, AGENT, MONDAY, null)).isInstanceOf(InvalidFieldException.class);
        WorkOrder closed = in(WorkOrderStatus.CLOSED, "20261123-000003");
        assertThatThrownBy(() -> order.mergeInto(closed, AGENT, MONDAY, null)).isInstanceOf(ConflictException.class);
        assertThat(order.getStatus()).isEqualTo(WorkOrderStatus.REGISTERED);
    }

    @Test
    void urgeAndSuperviseAddEventsWithoutChangingState() {
        WorkOrder order = in(WorkOrderStatus.ACCEPTED);
        order.urge(AGENT, MONDAY, "请尽快办理");
        order.supervise(SUPERVISOR, MONDAY, "列入督办");
        assertThat(order.getStatus()).isEqualTo(WorkOrderStatus.ACCEPTED);
        assertThat(order.getHistory()).extracting(WorkOrderEvent::getType).endsWith(EventType.URGED,
                EventType.SUPERVISED);
    }
}
