package org.hotline12345.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline12345.support.Shanghai.at;
import static org.hotline12345.workorder.WorkOrderLifecycleTest.AGENT;
import static org.hotline12345.workorder.WorkOrderLifecycleTest.HOUSING;
import static org.hotline12345.workorder.WorkOrderLifecycleTest.HOUSING_STAFF;
import static org.hotline12345.workorder.WorkOrderLifecycleTest.LIMITS;
import static org.hotline12345.workorder.WorkOrderLifecycleTest.SUPERVISOR;

import java.time.Instant;
import java.util.List;

import org.hotline12345.calendar.CalendarProducer;
import org.hotline12345.calendar.HolidaySchedule;
import org.hotline12345.calendar.WorkingCalendar;
import org.hotline12345.security.Actor;
import org.hotline12345.support.Shanghai;
import org.hotline12345.user.Role;
import org.hotline12345.workorder.WorkOrder.Recalculation;
import org.junit.jupiter.api.Test;

/**
 * Running deadlines replayed from the history under a changed holiday schedule: 2027 first unknown (weekends only),
 * then with 元旦 (Friday 01-01) off.
 */
class DeadlineRecalculationTest {

    static final WorkingCalendar BEFORE = new WorkingCalendar(Shanghai.ZONE, CalendarProducer.bundledSchedule());
    static final WorkingCalendar AFTER = new WorkingCalendar(Shanghai.ZONE, CalendarProducer.bundledSchedule()
            .merge(HolidaySchedule.parseYear(2027, "off 2027-01-01 元旦")));
    static final Actor ADMIN = new Actor(9, "admin", "系统管理员", Role.ADMIN, null);
    static final Instant NOW = at("2026-12-30T16:00");

    static WorkOrder dispatchedAt(String localTime) {
        WorkOrder order = WorkOrderLifecycleTest.registered();
        order.dispatch(HOUSING, List.of(), LIMITS, BEFORE, AGENT, at(localTime), null);
        return order;
    }

    @Test
    void aReplyDeadlineAcrossNewYearMovesAndTheHistorySaysWhy() {
        WorkOrder order = dispatchedAt("2026-12-28T10:00");
        assertThat(order.getReplyDeadline()).isEqualTo(at("2027-01-04T10:00"));

        assertThat(order.recalculateDeadlines(BEFORE, AFTER, ADMIN, NOW, "2027 年节假日安排已调整"))
                .isEqualTo(Recalculation.MOVED);
        assertThat(order.getReplyDeadline()).isEqualTo(at("2027-01-05T10:00"));
        assertThat(order.getAcceptDeadline()).as("Tuesday 12-29, before the change").isEqualTo(
                at("2026-12-29T10:00"));
        WorkOrderEvent recorded = order.getHistory().get(order.getHistory().size() - 1);
        assertThat(recorded.getType()).isEqualTo(EventType.DEADLINES_RECALCULATED);
        assertThat(recorded.getActorUsername()).isEqualTo("admin");
        assertThat(recorded.getToStatus()).isEqualTo(WorkOrderStatus.DISPATCHED);
        assertThat(recorded.getComment()).isEqualTo(
                "2027 年节假日安排已调整；回复截止 2027-01-04 10:00 → 2027-01-05 10:00");
        assertThat(recorded.getDetails()).containsEntry("previousReplyDeadline", "2027-01-04T02:00:00Z")
                .containsEntry("replyDeadline", "2027-01-05T02:00:00Z").doesNotContainKey("acceptDeadline");

        assertThat(order.recalculateDeadlines(AFTER, AFTER, ADMIN, NOW, "again")).isEqualTo(Recalculation.UNCHANGED);
        assertThat(order.recalculateDeadlines(BEFORE, AFTER, ADMIN, NOW, "stale"))
                .as("the stored deadline no longer comes from the previous calendar")
                .isEqualTo(Recalculation.UNMATCHED);
        assertThat(order.recalculateDeadlines(AFTER, BEFORE, ADMIN, NOW, "deleted")).isEqualTo(Recalculation.MOVED);
        assertThat(order.getReplyDeadline()).isEqualTo(at("2027-01-04T10:00"));
    }

    @Test
    void theAcceptClockMovesWhileItRuns() {
        WorkOrder order = dispatchedAt("2026-12-31T15:00");
        assertThat(order.getAcceptDeadline()).isEqualTo(at("2027-01-01T15:00"));
        order.recalculateDeadlines(BEFORE, AFTER, ADMIN, NOW, "2027 年节假日安排已调整");
        assertThat(order.getAcceptDeadline()).isEqualTo(at("2027-01-04T15:00"));
        assertThat(order.getReplyDeadline()).isEqualTo(at("2027-01-08T15:00"));

        WorkOrder accepted = dispatchedAt("2026-12-31T15:00");
        accepted.accept(HOUSING_STAFF, at("2026-12-31T16:00"), null);
        accepted.recalculateDeadlines(BEFORE, AFTER, ADMIN, NOW, "2027 年节假日安排已调整");
        assertThat(accepted.getAcceptDeadline()).as("stopped: stays as it was").isEqualTo(at("2027-01-01T15:00"));
        assertThat(accepted.getReplyDeadline()).isEqualTo(at("2027-01-08T15:00"));
    }

    /** Dispatched 12-21, an extension of 2 working days and a rejected return paused over 2 days. */
    @Test
    void extensionsAndRejectedReturnsAreReplayedInOrder() {
        WorkOrder order = dispatchedAt("2026-12-21T09:00");
        order.accept(HOUSING_STAFF, at("2026-12-21T10:00"), null);
        order.requestExtension(2, "需现场勘查", HOUSING_STAFF, at("2026-12-22T10:00"));
        order.approveExtension(BEFORE, SUPERVISOR, at("2026-12-22T11:00"), null);
        order.requestReturn("不属于本单位职责", HOUSING_STAFF, at("2026-12-23T09:00"));
        order.rejectReturn(BEFORE, SUPERVISOR, at("2026-12-25T09:00"), "属于你单位职责");
        // 5 + 2 working days from Monday 12-21 09:00 is Wednesday 12-30, 2 more paused: Friday 01-01
        assertThat(order.getReplyDeadline()).isEqualTo(at("2027-01-01T09:00"));

        assertThat(order.recalculateDeadlines(BEFORE, AFTER, ADMIN, NOW, "2027 年节假日安排已调整"))
                .isEqualTo(Recalculation.MOVED);
        assertThat(order.getReplyDeadline()).isEqualTo(at("2027-01-04T09:00"));
    }

    @Test
    void closedWorkOrdersAndDeadlinesBeforeTheYearStayAsTheyAre() {
        WorkOrder replied = dispatchedAt("2026-12-28T10:00");
        replied.accept(HOUSING_STAFF, at("2026-12-28T11:00"), null);
        replied.reply("已处理", HOUSING_STAFF, at("2026-12-29T11:00"));
        assertThat(replied.recalculateDeadlines(BEFORE, AFTER, ADMIN, NOW, "x")).isEqualTo(Recalculation.UNCHANGED);
        assertThat(replied.getReplyDeadline()).isEqualTo(at("2027-01-04T10:00"));

        WorkOrder early = dispatchedAt("2026-12-14T10:00");
        int events = early.getHistory().size();
        assertThat(early.recalculateDeadlines(BEFORE, AFTER, ADMIN, NOW, "x")).isEqualTo(Recalculation.UNCHANGED);
        assertThat(early.getHistory()).hasSize(events);
    }
}
