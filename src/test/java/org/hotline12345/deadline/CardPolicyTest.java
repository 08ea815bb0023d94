package org.hotline12345.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotline12345.support.Shanghai.CALENDAR;
import static org.hotline12345.support.Shanghai.at;

import java.time.Instant;

import org.hotline12345.calendar.TimeLimit;
import org.junit.jupiter.api.Test;

class CardPolicyTest {

    private final CardPolicy policy = new CardPolicy(CALENDAR, TimeLimit.parse("1wd"), 0.25, 3);

    @Test
    void aMultiDayLimitTurnsYellowWithOneWorkingDayLeft() {
        CardPolicy.Thresholds reply = policy.thresholds(TimeLimit.parse("5wd"), at("2026-02-27T14:00"));
        assertThat(reply.yellowAt()).isEqualTo(at("2026-02-26T14:00"));
        assertThat(reply.deadline()).isEqualTo(at("2026-02-27T14:00"));
        assertThat(reply.escalateAt()).as("02-28 is a make-up Saturday").isEqualTo(at("2026-03-03T14:00"));
    }

    @Test
    void yellowCountsWorkingTimeBackOverTheBreak() {
        CardPolicy.Thresholds reply = policy.thresholds(TimeLimit.parse("5wd"), at("2026-02-24T10:00"));
        assertThat(reply.yellowAt()).as("10 hours on 02-24, 14 on the make-up Saturday 02-14")
                .isEqualTo(at("2026-02-14T10:00"));
    }

    @Test
    void shorterLimitsTurnYellowWithAQuarterLeft() {
        assertThat(policy.thresholds(TimeLimit.parse("1wd"), at("2026-02-14T14:00")).yellowAt())
                .isEqualTo(at("2026-02-14T08:00"));
        assertThat(policy.thresholds(TimeLimit.parse("1wd"), at("2026-02-24T03:00")).yellowAt())
                .as("six working hours back, three of them on 02-14").isEqualTo(at("2026-02-14T21:00"));
        assertThat(policy.thresholds(TimeLimit.parse("PT30M"), at("2026-02-16T10:30")).yellowAt())
                .as("urgent clocks run through holidays").isEqualTo(at("2026-02-16T10:22:30"));
        assertThat(policy.thresholds(TimeLimit.parse("PT24H"), at("2026-02-17T10:00")).yellowAt())
                .isEqualTo(at("2026-02-17T04:00"));
    }

    @Test
    void levelsAndNextChecks() {
        CardPolicy.Thresholds t = policy.thresholds(TimeLimit.parse("5wd"), at("2026-11-27T10:00"));
        assertThat(policy.levelAt(t, at("2026-11-26T09:59"))).isEqualTo(CardLevel.NONE);
        assertThat(policy.levelAt(t, at("2026-11-26T10:00"))).isEqualTo(CardLevel.YELLOW);
        assertThat(policy.levelAt(t, at("2026-11-27T10:00"))).isEqualTo(CardLevel.RED);
        assertThat(policy.levelAt(t, at("2026-12-02T10:00"))).isEqualTo(CardLevel.ESCALATED);
        assertThat(policy.nextCheck(t, CardLevel.NONE)).isEqualTo(at("2026-11-26T10:00"));
        assertThat(policy.nextCheck(t, CardLevel.YELLOW)).isEqualTo(at("2026-11-27T10:00"));
        assertThat(policy.nextCheck(t, CardLevel.RED)).isEqualTo(at("2026-12-02T10:00"));
        assertThat(policy.nextCheck(t, CardLevel.ESCALATED)).isNull();
    }

    @Test
    void theMarginAndShareAreConfigurable() {
        CardPolicy strict = new CardPolicy(CALENDAR, TimeLimit.parse("2wd"), 0.5, 1);
        Instant deadline = at("2026-11-27T10:00");
        assertThat(strict.thresholds(TimeLimit.parse("5wd"), deadline).yellowAt()).isEqualTo(at("2026-11-25T10:00"));
        assertThat(strict.thresholds(TimeLimit.parse("1wd"), deadline).yellowAt()).isEqualTo(at("2026-11-26T22:00"));
        assertThat(strict.thresholds(TimeLimit.parse("5wd"), deadline).escalateAt()).isEqualTo(at("2026-11-30T10:00"));
        assertThatThrownBy(() -> new CardPolicy(CALENDAR, TimeLimit.parse("1wd"), 1.5, 3))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
