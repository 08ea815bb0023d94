package org.hotline12345.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotline12345.support.Shanghai.CALENDAR;
import static org.hotline12345.support.Shanghai.at;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The clock rules of {@link WorkingCalendar} on the dates that matter, in the shipped 2024-2026 schedule. */
class WorkingCalendarTest {

    @Test
    void weekdaysWorkWeekendsRestHolidaysRestMakeUpDaysWork() {
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-11-23"))).as("an ordinary Monday").isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-11-22"))).as("an ordinary Sunday").isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-02-16"))).as("Spring Festival Monday").isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-02-14"))).as("make-up Saturday").isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-02-28"))).as("make-up Saturday").isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-10-01"))).as("National Day").isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-09-20"))).as("make-up Sunday").isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2024-02-04"))).as("2024 make-up Sunday").isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2025-10-08"))).as("2025 National Day").isFalse();
    }

    @Test
    void dispatchOnFridayBeforeSpringFestival() {
        Instant dispatched = at("2026-02-13T14:00");
        assertThat(CALENDAR.addWorkingDays(dispatched, 1)).as("1 working day: the make-up Saturday")
                .isEqualTo(at("2026-02-14T14:00"));
        assertThat(CALENDAR.addWorkingDays(dispatched, 2)).as("2 working days: skips the nine days off")
                .isEqualTo(at("2026-02-24T14:00"));
        assertThat(CALENDAR.addWorkingDays(dispatched, 5)).isEqualTo(at("2026-02-27T14:00"));
    }

    @Test
    void clockStartedOnADayOffStartsAtTheNextWorkingMidnight() {
        assertThat(CALENDAR.addWorkingDays(at("2026-02-15T10:00"), 1)).as("ends at 24:00 of 02-24")
                .isEqualTo(at("2026-02-25T00:00"));
        assertThat(CALENDAR.addWorkingDays(at("2026-11-21T20:00"), 5)).as("Saturday: Monday to Friday")
                .isEqualTo(at("2026-11-28T00:00"));
    }

    @Test
    void deadlineAtTheEndOfAWorkingDayIsNotPushedOverTheBreak() {
        Instant end = CALENDAR.addWorkingTime(at("2026-09-30T00:00"), Duration.ofDays(1));
        assertThat(end).as("24:00 of 09-30, not after National Day").isEqualTo(at("2026-10-01T00:00"));
    }

    @Test
    void workingTimeSkipsTheBreak() {
        assertThat(CALENDAR.workingTimeBetween(at("2026-02-13T14:00"), at("2026-02-24T14:00")))
                .isEqualTo(Duration.ofDays(2));
        assertThat(CALENDAR.workingTimeBetween(at("2026-02-16T00:00"), at("2026-02-23T23:59"))).isZero();
        assertThat(CALENDAR.workingTimeBetween(at("2026-02-24T14:00"), at("2026-02-13T14:00")))
                .as("backwards is negative").isEqualTo(Duration.ofDays(-2));
    }

    @Test
    void yearsOutsideTheScheduleFollowTheOrdinaryWeek() {
        assertThat(CALENDAR.covers(LocalDate.parse("2027-01-01"))).isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2027-01-01"))).as("a Friday, no schedule known").isTrue();
        assertThat(CALENDAR.nextWorkingDay(LocalDate.parse("2026-12-31"))).isEqualTo(LocalDate.parse("2027-01-01"));
    }

    @Test
    void refusesNegativeAmounts() {
        assertThatThrownBy(() -> CALENDAR.addWorkingTime(Instant.EPOCH, Duration.ofHours(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
