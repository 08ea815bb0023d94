package org.hotline12345.telephony.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.hotline12345.telephony.callback.CallbackTimeliness.Verdict;
import org.junit.jupiter.api.Test;

class CallbackTimelinessTest {

    private final CallbackTimeliness timeliness = new CallbackTimeliness(Duration.ofMinutes(30),
            ZoneId.of("Asia/Shanghai"));

    private static Instant at(String time) {
        return Instant.parse("2026-12-07T" + time + "+08:00");
    }

    @Test
    void aCallbackCountsInTimeWhenPlacedWithinTheTargetOrTheDayWhateverItCameTo() {
        Instant missed = at("10:00:00");
        assertThat(timeliness.withinTarget(missed, at("10:30:00"), null, at("18:00:00"))).isEqualTo(Verdict.IN_TIME);
        assertThat(timeliness.withinTarget(missed, at("10:30:01"), null, at("18:00:00"))).isEqualTo(Verdict.LATE);
        assertThat(timeliness.withinDay(missed, at("10:30:01"), null, at("18:00:00"))).isEqualTo(Verdict.IN_TIME);
        assertThat(timeliness.withinDay(missed, Instant.parse("2026-12-08T08:00:00+08:00"), null,
                at("23:00:00"))).isEqualTo(Verdict.LATE);
    }

    @Test
    void anEntryNotCalledBackCountsOnlyOnceItsDeadlinePassed() {
        Instant missed = at("10:00:00");
        assertThat(timeliness.withinTarget(missed, null, null, at("10:20:00"))).isEqualTo(Verdict.NOT_COUNTED);
        assertThat(timeliness.withinTarget(missed, null, null, at("10:31:00"))).isEqualTo(Verdict.LATE);
        assertThat(timeliness.withinDay(missed, null, null, at("23:59:00"))).isEqualTo(Verdict.NOT_COUNTED);
        assertThat(timeliness.withinDay(missed, null, null, Instant.parse("2026-12-08T00:00:00+08:00")))
                .isEqualTo(Verdict.LATE);
    }

    @Test
    void aCallerWhoGotThroughBeforeTheDeadlineNeedsNoCallbackButOneAfterItWasLate() {
        Instant missed = at("10:00:00");
        assertThat(timeliness.withinTarget(missed, null, at("10:10:00"), at("18:00:00")))
                .isEqualTo(Verdict.NOT_COUNTED);
        assertThat(timeliness.withinTarget(missed, null, at("11:00:00"), at("18:00:00"))).isEqualTo(Verdict.LATE);
        assertThat(timeliness.withinDay(missed, null, at("11:00:00"), at("18:00:00")))
                .isEqualTo(Verdict.NOT_COUNTED);
    }

    @Test
    void theTallyCountsEachEntryAgainstBothDeadlines() {
        Instant now = at("18:00:00");
        CallbackTimeliness.Tally tally = timeliness.tally();
        tally.add(at("09:00:00"), at("09:10:00"), null, now);
        tally.add(at("09:00:00"), at("12:00:00"), null, now);
        tally.add(at("09:00:00"), null, null, now);
        tally.add(at("17:50:00"), null, null, now);
        tally.add(at("09:00:00"), null, at("09:05:00"), now);

        CallbackFigures figures = tally.figures();
        assertThat(figures.missed()).isEqualTo(5);
        assertThat(figures.dueTarget()).isEqualTo(3);
        assertThat(figures.withinTarget()).isEqualTo(1);
        assertThat(figures.withinTargetShare()).isEqualTo(1 / 3.0);
        assertThat(figures.dueDay()).isEqualTo(2);
        assertThat(figures.withinDay()).isEqualTo(2);
        assertThat(figures.withinDayShare()).isEqualTo(1.0);
        assertThat(timeliness.tally().figures().withinTargetShare()).as("nothing due yet").isNull();
    }
}
