package org.hotline12345.telephony.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.hotline12345.telephony.AgentState;
import org.hotline12345.telephony.callback.CallbackTimeliness;
import org.hotline12345.telephony.callback.MissedCallOutcome;
import org.hotline12345.telephony.callback.MissedCallViews.AttemptRow;
import org.hotline12345.telephony.callback.MissedCallViews.CallbackRow;
import org.hotline12345.telephony.report.CallCentreCalculator.CallRow;
import org.hotline12345.telephony.report.CallCentreCalculator.Settings;
import org.hotline12345.telephony.report.CallCentreCalculator.StateRow;
import org.hotline12345.telephony.report.CallCentreReport.Breakdown;
import org.hotline12345.telephony.report.CallCentreReport.Figures;
import org.hotline12345.workorder.ServiceRating;
import org.junit.jupiter.api.Test;

/**
 * A morning worked out by hand: two agents, six queue calls, two missed calls and a callback, cut into half hours of
 * 2026-12-07 in Shanghai and read at noon.
 */
class CallCentreCalculatorTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant START = at("2026-12-07", "00:00:00");
    private static final Instant END = at("2026-12-08", "00:00:00");
    private static final Instant NOON = at("2026-12-07", "12:00:00");

    private static Instant at(String date, String time) {
        return Instant.parse(date + "T" + time + "+08:00");
    }

    private static Instant at(String time) {
        return at("2026-12-07", time);
    }

    private static List<StateRow> states() {
        return List.of(
                new StateRow("agent", AgentState.LOGGED_OUT, null, null, at("2026-12-06", "20:00:00")),
                new StateRow("agent", AgentState.READY, null, null, at("09:00:00")),
                new StateRow("agent", AgentState.RINGING, null, "c1", at("09:05:00")),
                new StateRow("agent", AgentState.ON_CALL, null, "c1", at("09:05:10")),
                new StateRow("agent", AgentState.WRAP_UP, null, "c1", at("09:07:10")),
                new StateRow("agent", AgentState.READY, null, null, at("09:07:40")),
                new StateRow("agent", AgentState.PAUSED, "小休", null, at("09:30:00")),
                new StateRow("agent", AgentState.READY, null, null, at("09:40:00")),
                new StateRow("agent", AgentState.PAUSED, null, null, at("09:50:00")),
                new StateRow("agent", AgentState.LOGGED_OUT, null, null, at("10:00:00")),
                // signed in since the evening before, still in at noon
                new StateRow("desk2", AgentState.READY, null, null, at("2026-12-06", "23:00:00")),
                new StateRow("desk2", AgentState.UNAVAILABLE, null, null, at("11:00:00")));
    }

    private static List<CallRow> calls() {
        return List.of(
                new CallRow("c1", "hotline", at("09:05:00"), at("09:05:10"), at("09:07:10"), false, 10, 120, "agent",
                        ServiceRating.VERY_SATISFIED),
                new CallRow("c2", "hotline", at("09:10:00"), null, at("09:10:03"), true, 3, null, null, null),
                new CallRow("c3", "hotline", at("09:20:00"), null, at("09:20:40"), true, 40, null, null, null),
                // let go by the queue, not hung up by the caller: lost all the same, its wait from the record's times
                new CallRow("c6", "hotline", at("09:25:00"), null, at("09:26:00"), false, null, null, null, null),
                // talk time missed by the events: taken from the answer to the hang-up
                new CallRow("c4", "business-desk", at("09:40:00"), at("09:40:20"), at("09:41:20"), false, 20, null,
                        "desk2", ServiceRating.DISSATISFIED),
                // still waiting at noon: not offered yet
                new CallRow("c5", "hotline", at("11:50:00"), null, null, false, null, null, null, null));
    }

    private static Breakdown compute(List<StateRow> states, List<CallRow> calls) {
        CallCentreCalculator calculator = new CallCentreCalculator(new Settings(START, END, SHANGHAI, 30,
                Duration.ofSeconds(15), Duration.ofSeconds(5), NOON),
                new CallbackTimeliness(Duration.ofMinutes(30), SHANGHAI));
        states.forEach(calculator::state);
        calls.forEach(calculator::call);
        calculator.missedCall(new CallbackRow("hotline", at("09:10:03"), at("09:20:00"), null));
        calculator.missedCall(new CallbackRow("hotline", at("09:20:40"), null, null));
        calculator.missedCall(new CallbackRow("business-desk", at("2026-12-06", "22:00:00"), null, null));
        calculator.attempt(new AttemptRow("agent", at("09:20:00"), MissedCallOutcome.REACHED));
        calculator.attempt(new AttemptRow("agent", at("2026-12-08", "09:00:00"), MissedCallOutcome.BUSY));
        return calculator.result();
    }

    @Test
    void queueCallsCountOfferedAnsweredAbandonedShortAbandonsApartAndTheServiceLevel() {
        CallCentreReport.Calls calls = compute(states(), calls()).total().calls();
        assertThat(calls.offered()).isEqualTo(5);
        assertThat(calls.answered()).isEqualTo(2);
        assertThat(calls.abandoned()).isEqualTo(2);
        assertThat(calls.shortAbandoned()).isEqualTo(1);
        assertThat(calls.answeredWithinTarget()).isEqualTo(1);
        assertThat(calls.serviceLevel()).as("1 of the 4 offered less the short abandon").isEqualTo(0.25);
        assertThat(calls.abandonRate()).isEqualTo(0.5);
        assertThat(calls.averageSpeedOfAnswer()).isEqualTo(15.0);
        assertThat(calls.handled()).isEqualTo(2);
        assertThat(calls.averageTalk()).isEqualTo(90.0);
        assertThat(calls.averageWrapUp()).as("c1's 30 s of wrap-up from the state log").isEqualTo(15.0);
        assertThat(calls.averageHandlingTime()).isEqualTo(105.0);
    }

    @Test
    void agentsTimeComesFromTheStateLogCutToThePeriodAndToNow() {
        Breakdown figures = compute(states(), calls());
        Figures agent = figures.agents().get(0);
        assertThat(agent.key()).isEqualTo("agent");
        assertThat(agent.time().staffedSeconds()).isEqualTo(3600);
        assertThat(agent.time().availableSeconds()).isEqualTo(2400);
        assertThat(agent.time().busySeconds()).isEqualTo(150);
        assertThat(agent.time().occupancy()).isEqualTo(0.0625);
        assertThat(agent.time().pausedSeconds()).isEqualTo(1200);
        assertThat(agent.time().pausedByReason()).isEqualTo(Map.of("小休", 600L, "未说明", 600L));
        assertThat(agent.calls().answered()).isEqualTo(1);
        assertThat(agent.calls().averageHandlingTime()).isEqualTo(150.0);
        assertThat(agent.callbackAttempts()).isEqualTo(1);
        assertThat(agent.callbacksReached()).isEqualTo(1);
        assertThat(agent.ratings().satisfiedShare()).isEqualTo(1.0);

        Figures desk2 = figures.agents().get(1);
        assertThat(desk2.key()).isEqualTo("desk2");
        assertThat(desk2.time().staffedSeconds()).as("from midnight to noon").isEqualTo(12 * 3600);
        assertThat(desk2.time().availableSeconds()).as("until the phone went away at 11:00").isEqualTo(11 * 3600);
        assertThat(desk2.time().occupancy()).isEqualTo(0.0);
        assertThat(desk2.calls().averageHandlingTime()).isEqualTo(60.0);
        assertThat(figures.pauseReasons()).containsExactly("小休", "未说明");
        assertThat(figures.total().time().staffedSeconds()).isEqualTo(3600 + 12 * 3600);
    }

    @Test
    void intervalsCutCallsAndTimeAtTheirBounds() {
        List<Figures> intervals = compute(states(), calls()).intervals();
        assertThat(intervals).hasSize(48);
        Figures nine = intervals.get(18);
        assertThat(nine.key()).isEqualTo("2026-12-07 09:00");
        assertThat(nine.calls().offered()).isEqualTo(4);
        assertThat(nine.calls().serviceLevel()).isCloseTo(1 / 3.0, offset(1e-9));
        assertThat(nine.time().staffedSeconds()).isEqualTo(3600);
        assertThat(nine.time().availableSeconds()).isEqualTo(3600);
        assertThat(nine.time().busySeconds()).isEqualTo(150);
        Figures half = intervals.get(19);
        assertThat(half.key()).isEqualTo("2026-12-07 09:30");
        assertThat(half.calls().offered()).isEqualTo(1);
        assertThat(half.calls().serviceLevel()).isEqualTo(0.0);
        assertThat(half.time().availableSeconds()).isEqualTo(1800 + 600);
        assertThat(half.time().pausedSeconds()).isEqualTo(1200);
        Figures lastBeforeNoon = intervals.get(23);
        assertThat(lastBeforeNoon.time().staffedSeconds()).isEqualTo(1800);
        assertThat(lastBeforeNoon.time().occupancy()).as("nobody available").isNull();
        assertThat(lastBeforeNoon.calls().offered()).as("c5 still waits").isZero();
        assertThat(intervals.get(24).active()).as("after now").isFalse();
        assertThat(intervals.get(18).callbacks().missed()).isEqualTo(2);
    }

    @Test
    void queuesCallbacksAndRatingsAreCountedWhereTheyBelong() {
        Breakdown figures = compute(states(), calls());
        assertThat(figures.queues()).extracting(Figures::key).containsExactly("business-desk", "hotline");
        assertThat(figures.queues().get(1).calls().offered()).isEqualTo(4);
        assertThat(figures.queues().get(0).calls().answeredWithinTarget()).isZero();
        assertThat(figures.queues().get(0).callbacks().missed()).as("the miss of the day before is not this day's")
                .isZero();
        assertThat(figures.total().callbacks().missed()).isEqualTo(2);
        assertThat(figures.total().callbacks().dueTarget()).isEqualTo(2);
        assertThat(figures.total().callbacks().withinTarget()).isEqualTo(1);
        assertThat(figures.total().callbacks().dueDay()).as("the day of the uncalled one is not over").isEqualTo(1);
        assertThat(figures.total().callbacks().withinDayShare()).isEqualTo(1.0);
        assertThat(figures.total().callbackAttempts()).as("the attempt of the next day is not this day's").isEqualTo(1);
        assertThat(figures.total().ratings().count(ServiceRating.VERY_SATISFIED)).isEqualTo(1);
        assertThat(figures.total().ratings().count(ServiceRating.DISSATISFIED)).isEqualTo(1);
        assertThat(figures.total().ratings().satisfiedShare()).isEqualTo(0.5);
    }

    @Test
    void theSameRecordsGiveTheSameFigures() {
        assertThat(compute(states(), calls())).isEqualTo(compute(states(), calls()));
    }

    @Test
    void theStateLogComesFirst() {
        CallCentreCalculator calculator = new CallCentreCalculator(new Settings(START, END, SHANGHAI, 60,
                Duration.ofSeconds(15), Duration.ofSeconds(5), NOON),
                new CallbackTimeliness(Duration.ofMinutes(30), SHANGHAI));
        calculator.call(calls().get(0));
        assertThatThrownBy(() -> calculator.state(states().get(1))).isInstanceOf(IllegalStateException.class);
        assertThat(calculator.result().intervals()).hasSize(24);
    }
}
