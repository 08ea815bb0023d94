package org.hotline12345.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;

import org.hotline12345.support.Shanghai;
import org.junit.jupiter.api.Test;

class HolidayScheduleTest {

    static HolidaySchedule parse(String text) throws IOException {
        return HolidaySchedule.parse(new StringReader(text), "test");
    }

    @Test
    void readsYearsRangesAndMakeUpDays() throws IOException {
        HolidaySchedule schedule = parse("""
                # comment
                year 2027
                off  2027-02-06..2027-02-08  春节   # trailing comment
                work 2027-02-14 春节
                """);
        assertThat(schedule.years()).containsExactly(2027);
        assertThat(schedule.days()).hasSize(4);
        assertThat(schedule.days().get(LocalDate.parse("2027-02-07"))).isEqualTo(
                new CalendarDay(LocalDate.parse("2027-02-07"), false, "春节"));
        assertThat(schedule.days().get(LocalDate.parse("2027-02-14")).working()).isTrue();
    }

    @Test
    void namesTheLineOfAMalformedEntry() {
        assertThatThrownBy(() -> parse("year 2027\noff 2027-13-01 元旦\n"))
                .hasMessageStartingWith("test:2:");
        assertThatThrownBy(() -> parse("holiday 2027-01-01 元旦\n")).hasMessageContaining("expected 'year'");
        assertThatThrownBy(() -> parse("off 2027-01-01\n")).hasMessageContaining("needs a date and a holiday name");
        assertThatThrownBy(() -> parse("off 2027-01-03..2027-01-01 元旦\n")).hasMessageContaining("ends before");
    }

    @Test
    void aMakeUpWorkdayMustBeAWeekendDay() {
        assertThatThrownBy(() -> parse("work 2027-01-04 元旦\n")).hasMessageContaining("is a weekday");
    }

    @Test
    void refusesADateListedTwice() {
        assertThatThrownBy(() -> parse("off 2027-01-01 元旦\noff 2027-01-01 元旦\n"))
                .hasMessageContaining("listed twice");
    }

    @Test
    void mergeAddsYearsAndRefusesContradictions() throws IOException {
        HolidaySchedule merged = CalendarProducer.bundledSchedule().merge(parse("year 2027\noff 2027-01-01 元旦\n"));
        assertThat(merged.years()).contains(2024, 2025, 2026, 2027);
        assertThat(
                new WorkingCalendar(Shanghai.ZONE, merged).isWorkingDay(LocalDate.parse("2027-01-01")))
                .isFalse();
        assertThatThrownBy(() -> CalendarProducer.bundledSchedule().merge(parse("work 2026-02-15 春节\n")))
                .hasMessageContaining("both as a day off and as a make-up workday");
    }
}
