package org.hotline12345.telephony;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hotline12345.calendar.WorkingCalendar;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.department.DepartmentView;
import org.hotline12345.telephony.CallUpdate.Column;
import org.hotline12345.telephony.OrderStatusReadback.Readback;
import org.hotline12345.workorder.ServiceRating;
import org.hotline12345.workorder.WorkOrderReads;
import org.hotline12345.workorder.WorkOrderSnapshot;

/** The IVR's decisions, asked over FastAGI by the dialplan (telephony/CONTRACT.md). */
@ApplicationScoped
public class IvrService {

    @Inject
    CallerLookup lookup;

    @Inject
    Switchboard switchboard;

    @Inject
    CallStore store;

    @Inject
    TelephonyConfig config;

    @Inject
    WorkOrderReads workOrders;

    @Inject
    WorkingCalendar calendar;

    @Inject
    DepartmentDirectory departments;

    @Inject
    Clock clock;

    /** A call entered the IVR: who is it? The call's record starts here. */
    public CallerProfile callerEntered(String callId, String channel, String callerNumber) {
        Instant now = clock.instant();
        CallerProfile profile = lookup.profile(callerNumber, callId);
        switchboard.run(() -> switchboard.calls().entered(callId, channel, callerNumber, now));
        store.write(CallUpdate.of(callId, now).set(Column.REPEAT_CALL, profile.repeatCaller())
                .set(Column.BLOCKED, profile.blocked()));
        return profile;
    }

    /** The caller pressed a menu key: to which queue? */
    public String menuChoice(String callId, String key) {
        IvrChoice choice = IvrChoice.ofKey(key);
        Instant now = clock.instant();
        switchboard.run(() -> switchboard.calls().ivrChoice(callId, choice, now));
        return choice == IvrChoice.ENTERPRISE ? config.queues().desk() : config.queues().hotline();
    }

    /**
     * The status of the work order whose number the caller keyed. A confidential work order is read back only to
     * the number that registered it.
     */
    @Transactional
    public Optional<Readback> orderStatus(String digits, String callerNumber) {
        return OrderStatusReadback.numberFromDigits(digits).flatMap(workOrders::byNumber)
                .filter(order -> !order.citizen().confidential() || samePhone(order, callerNumber))
                .map(this::readback);
    }

    /**
     * The caller's rating after the agent hung up (一次一评), a key from 1 非常不满意 to 5 非常满意, stored with the
     * three-level satisfaction it counts as; {@code false} when the key was none of them.
     */
    public boolean survey(String callId, String key) {
        String pressed = key == null ? "" : key.strip();
        if (!pressed.matches("[1-5]")) {
            return false;
        }
        ServiceRating rating = ServiceRating.ofScore(Integer.parseInt(pressed));
        Instant now = clock.instant();
        store.write(CallUpdate.of(callId, now).set(Column.SERVICE_RATING, rating)
                .set(Column.SURVEY_RESULT, rating.satisfaction()).set(Column.SURVEYED_AT, now));
        return true;
    }

    private Readback readback(WorkOrderSnapshot order) {
        return OrderStatusReadback.of(order.number(), order.status(), order.leadDepartmentId() == null
                ? null
                : departments.byId(order.leadDepartmentId()).map(DepartmentView::name).orElse(null),
                order.replyDeadline() == null
                        ? null
                        : order.replyDeadline().atZone(calendar.zone()).toOffsetDateTime());
    }

    private static boolean samePhone(WorkOrderSnapshot order, String callerNumber) {
        return callerNumber != null && digits(order.citizen().phone()).endsWith(digits(callerNumber))
                && digits(callerNumber).length() >= 7;
    }

    private static String digits(String phone) {
        return phone.replaceAll("\\D", "");
    }
}
