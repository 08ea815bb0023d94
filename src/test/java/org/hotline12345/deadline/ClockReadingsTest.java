package org.hotline12345.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline12345.support.Shanghai.CALENDAR;
import static org.hotline12345.support.Shanghai.at;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.hotline12345.calendar.TimeLimit;
import org.hotline12345.workorder.WorkOrderViews.ClockView;
import org.junit.jupiter.api.Test;

/** How the pages read a clock: the limit in words, the card, the time left or how late, or that it waits. */
class ClockReadingsTest {

    private static ClockReadings readingsAt(Instant now) {
        ClockReadings readings = new ClockReadings();
        readings.cards = new CardPolicy(CALENDAR, TimeLimit.parse("1wd"), 0.25, 3);
        readings.calendar = CALENDAR;
        readings.clock = Clock.fixed(now, ZoneOffset.UTC);
        return readings;
    }

    private static OffsetDateTime time(String local) {
        return at(local).atZone(CALENDAR.zone()).toOffsetDateTime();
    }

    @Test
    void anUrgentAcceptClockPastItsDeadlineIsRedAndSaysHowLateInHoursAndMinutes() {
        ClockView view = new ClockView("PT30M", time("2026-03-02T10:30"), null, false, Duration.ofMinutes(-90), true);
        ClockReadings.ClockReading reading = readingsAt(at("2026-03-02T12:00")).read(DeadlineClock.ACCEPT, view);
        assertThat(reading.limit()).isEqualTo("30分钟");
        assertThat(reading.card()).isEqualTo(CardLevel.RED);
        assertThat(reading.remaining()).isEqualTo("超期1小时30分钟");
        assertThat(reading.late()).isTrue();
        assertThat(reading.name()).isEqualTo("签收");
    }

    @Test
    void aWorkingDayReplyClockNearItsEndIsYellowAndCountsWorkingTime() {
        ClockView view = new ClockView("5wd", time("2026-03-06T14:00"), null, false, Duration.ofHours(20), false);
        ClockReadings.ClockReading reading = readingsAt(at("2026-03-05T18:00")).read(DeadlineClock.REPLY, view);
        assertThat(reading.limit()).isEqualTo("5个工作日");
        assertThat(reading.card()).isEqualTo(CardLevel.YELLOW);
        assertThat(reading.remaining()).isEqualTo("剩余20小时");
    }

    @Test
    void aStoppedClockHasNoCardAndAPausedOneSaysItWaits() {
        ClockView stopped = new ClockView("PT24H", time("2026-03-03T10:00"), time("2026-03-03T11:00"), false, null,
                true);
        ClockReadings.ClockReading late = readingsAt(at("2026-03-05T10:00")).read(DeadlineClock.REPLY, stopped);
        assertThat(late.limit()).isEqualTo("24小时");
        assertThat(late.card()).isEqualTo(CardLevel.NONE);
        assertThat(late.remaining()).isNull();
        assertThat(late.late()).isTrue();
        ClockView paused = new ClockView("5wd", time("2026-03-06T14:00"), null, true, Duration.ofHours(30), false);
        assertThat(readingsAt(at("2026-03-09T10:00")).read(DeadlineClock.REPLY, paused).remaining())
                .isEqualTo("已暂停（退单待审）");
        assertThat(readingsAt(at("2026-03-09T10:00")).read(DeadlineClock.REPLY, null)).isNull();
    }
}
