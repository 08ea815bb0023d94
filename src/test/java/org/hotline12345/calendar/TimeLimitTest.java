package org.hotline12345.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotline12345.support.Shanghai.CALENDAR;
import static org.hotline12345.support.Shanghai.at;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class TimeLimitTest {

    @Test
    void parsesWorkingDaysAndDurations() {
        assertThat(TimeLimit.parse("5wd")).isEqualTo(TimeLimit.workingDays(5));
        assertThat(TimeLimit.parse(" 1WD ")).isEqualTo(TimeLimit.workingDays(1));
        assertThat(TimeLimit.parse("PT24H")).isEqualTo(TimeLimit.elapsed(Duration.ofHours(24)));
        assertThat(TimeLimit.parse("5wd").toString()).isEqualTo("5wd");
        assertThat(TimeLimit.parse("PT30M").toString()).isEqualTo("PT30M");
        assertThat(TimeLimit.parse("PT30M").countsWorkingTime()).isFalse();
    }

    @Test
    void refusesWhatIsNotALimit() {
        assertThatThrownBy(() -> TimeLimit.parse("5 days")).hasMessageContaining("is not a time limit");
        assertThatThrownBy(() -> TimeLimit.parse("0wd")).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> TimeLimit.parse("-PT1H")).hasMessageContaining("must be positive");
    }

    @Test
    void aLimitIsAtMostAYear() {
        assertThat(TimeLimit.parse("P366D").amount()).isEqualTo(Duration.ofDays(366));
        assertThat(TimeLimit.parse("366wd").amount()).isEqualTo(Duration.ofDays(366));
        assertThatThrownBy(() -> TimeLimit.parse("PT99999999999H")).hasMessageContaining("不能超过 366 天");
        assertThatThrownBy(() -> TimeLimit.parse("P367D")).hasMessageContaining("不能超过 366 天");
        assertThatThrownBy(() -> TimeLimit.parse("999wd")).hasMessageContaining("366 个工作日");
        assertThatThrownBy(() -> TimeLimit.parse("PT" + Long.MAX_VALUE + "H")).isInstanceOf(
                IllegalArgumentException.class);
    }

    @Test
    void elapsedLimitsRunAroundTheClockThroughHolidays() {
        assertThat(TimeLimit.parse("PT24H").deadlineFrom(at("2026-02-15T10:00"), CALENDAR))
                .isEqualTo(at("2026-02-16T10:00"));
        assertThat(TimeLimit.parse("5wd").deadlineFrom(at("2026-02-13T14:00"), CALENDAR))
                .isEqualTo(at("2026-02-27T14:00"));
    }

    @Test
    void postponingMovesTheDeadlineByTheCountedPause() {
        TimeLimit working = TimeLimit.workingDays(5);
        // paused Friday 16:00 to Monday 10:00: 8 working hours on Friday, 10 on Monday
        assertThat(working.postpone(at("2026-11-27T12:00"), at("2026-11-20T16:00"), at("2026-11-23T10:00"), CALENDAR))
                .isEqualTo(at("2026-11-30T06:00"));
        TimeLimit elapsed = TimeLimit.elapsed(Duration.ofHours(24));
        assertThat(elapsed.postpone(at("2026-11-21T12:00"), at("2026-11-20T16:00"), at("2026-11-20T18:00"), CALENDAR))
                .isEqualTo(at("2026-11-21T14:00"));
    }
}
