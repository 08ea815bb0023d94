package org.hotline12345.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/** Laws of the working-time arithmetic, over instants from 2023 to 2027 (inside and outside the schedule). */
class WorkingCalendarProperties {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final WorkingCalendar CALENDAR = new WorkingCalendar(ZONE, CalendarProducer.bundledSchedule());
    private static final Instant FIRST = LocalDate.parse("2023-10-01").atStartOfDay(ZONE).toInstant();
    private static final Instant LAST = LocalDate.parse("2027-03-01").atStartOfDay(ZONE).toInstant();

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Instant> any = Arbitraries.longs().between(FIRST.getEpochSecond() / 60, LAST.getEpochSecond() / 60)
                .map(minute -> Instant.ofEpochSecond(minute * 60));
        Arbitrary<Instant> midnights = Arbitraries.longs().between(0, 1200)
                .map(day -> LocalDate.parse("2023-10-01").plusDays(day).atStartOfDay(ZONE).toInstant());
        return Arbitraries.frequencyOf(Tuple.of(4, any), Tuple.of(1, midnights));
    }

    @Provide
    Arbitrary<Duration> amounts() {
        return Arbitraries.longs().between(0, 30 * 24 * 60).map(Duration::ofMinutes);
    }

    @Property
    void addingThenMeasuringGivesTheAmountBack(@ForAll("instants") Instant start, @ForAll("amounts") Duration amount) {
        Instant end = CALENDAR.addWorkingTime(start, amount);
        assertThat(CALENDAR.workingTimeBetween(start, end)).isEqualTo(amount);
    }

    @Property
    void theDeadlineIsTheEarliestSuchInstant(@ForAll("instants") Instant start, @ForAll("amounts") Duration amount) {
        Instant end = CALENDAR.addWorkingTime(start, amount);
        if (!amount.isZero()) {
            assertThat(CALENDAR.workingTimeBetween(start, end.minusSeconds(60))).isLessThan(amount);
        }
    }

    @Property
    void aDeadlineNeverFallsInsideADayOff(@ForAll("instants") Instant start,
            @ForAll @IntRange(min = 1, max = 30) int days) {
        LocalDateTime end = LocalDateTime.ofInstant(CALENDAR.addWorkingDays(start, days), ZONE);
        boolean endOfAWorkingDay = end.toLocalTime().equals(LocalTime.MIDNIGHT)
                && CALENDAR.isWorkingDay(end.toLocalDate().minusDays(1));
        assertThat(CALENDAR.isWorkingDay(end.toLocalDate()) || endOfAWorkingDay).isTrue();
    }

    @Property
    void onAWorkingDayTheDeadlineKeepsTheTimeOfDayAndCountsWorkingDates(@ForAll("instants") Instant start,
            @ForAll @IntRange(min = 1, max = 30) int days) {
        LocalDateTime begin = LocalDateTime.ofInstant(start, ZONE);
        if (!CALENDAR.isWorkingDay(begin.toLocalDate()) || begin.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return;
        }
        LocalDateTime end = LocalDateTime.ofInstant(CALENDAR.addWorkingDays(start, days), ZONE);
        assertThat(end.toLocalTime()).isEqualTo(begin.toLocalTime());
        assertThat(CALENDAR.isWorkingDay(end.toLocalDate())).isTrue();
        long workingDatesBetween = begin.toLocalDate().plusDays(1).datesUntil(end.toLocalDate().plusDays(1))
                .filter(CALENDAR::isWorkingDay).count();
        assertThat(workingDatesBetween).isEqualTo(days);
    }

    @Property
    void measuringIsAdditive(@ForAll("instants") Instant a, @ForAll("instants") Instant b,
            @ForAll("instants") Instant c) {
        assertThat(CALENDAR.workingTimeBetween(a, b).plus(CALENDAR.workingTimeBetween(b, c)))
                .isEqualTo(CALENDAR.workingTimeBetween(a, c));
    }

    @Property
    void workingTimeNeverExceedsElapsedTime(@ForAll("instants") Instant a, @ForAll("instants") Instant b) {
        Duration working = CALENDAR.workingTimeBetween(a, b).abs();
        assertThat(working).isLessThanOrEqualTo(Duration.between(a, b).abs());
    }

    @Property
    void moreTimeNeverEndsEarlier(@ForAll("instants") Instant start, @ForAll("amounts") Duration shorter,
            @ForAll("amounts") Duration longer) {
        if (shorter.compareTo(longer) > 0) {
            return;
        }
        assertThat(CALENDAR.addWorkingTime(start, shorter)).isBeforeOrEqualTo(CALENDAR.addWorkingTime(start, longer));
    }

    @Property
    void subtractingIsTheMirrorOfAdding(@ForAll("instants") Instant end, @ForAll("amounts") Duration amount) {
        Instant start = CALENDAR.subtractWorkingTime(end, amount);
        assertThat(CALENDAR.workingTimeBetween(start, end)).isEqualTo(amount);
        if (!amount.isZero()) {
            assertThat(CALENDAR.workingTimeBetween(start.plusSeconds(60), end)).isLessThan(amount);
        }
    }
}
