package org.hotline12345.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline12345.support.Shanghai.at;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.hotline12345.support.Shanghai;
import org.junit.jupiter.api.Test;

/** Replacing the schedule of a running calendar, and laying administrators' years over the shipped ones. */
class WorkingCalendarSwapTest {

    static final ShippedSchedules SHIPPED = new ShippedSchedules(List.of(new ShippedSchedules.Shipped(
            HolidaySource.BUNDLED, CalendarProducer.BUNDLED, CalendarProducer.bundledSchedule())));

    static AdministeredYear administered(int year, String text) {
        return new AdministeredYear(year, text, "admin", "系统管理员", Instant.EPOCH,
                HolidaySchedule.parseYear(year, text));
    }

    @Test
    void theNextComputationUsesTheNewSchedule() {
        WorkingCalendar calendar = new WorkingCalendar(Shanghai.ZONE, SHIPPED.merged());
        Instant dispatched = at("2026-12-28T10:00");
        assertThat(calendar.addWorkingDays(dispatched, 5)).isEqualTo(at("2027-01-04T10:00"));
        assertThat(calendar.uncoveredYears(LocalDate.parse("2026-11-24"), LocalDate.parse("2027-01-23")))
                .containsExactly(2027);

        calendar.use(SHIPPED.with(List.of(administered(2027, HolidayYearRulesTest.YEAR_2027))));
        assertThat(calendar.isWorkingDay(LocalDate.parse("2027-01-01"))).isFalse();
        assertThat(calendar.addWorkingDays(dispatched, 5)).as("元旦 2027 is off now").isEqualTo(at("2027-01-05T10:00"));
        assertThat(calendar.coveredYears()).containsExactly(2024, 2025, 2026, 2027);
        assertThat(calendar.uncoveredYears(LocalDate.parse("2026-11-24"), LocalDate.parse("2027-01-23"))).isEmpty();
    }

    @Test
    void anAdministratorsYearReplacesTheShippedOneWholeAndDeletingItRestoresIt() {
        HolidaySchedule replaced = SHIPPED.with(List.of(administered(2026, "off 2026-01-01 元旦")));
        assertThat(replaced.years()).containsExactly(2024, 2025, 2026);
        assertThat(replaced.days().keySet().stream().filter(date -> date.getYear() == 2026)).containsExactly(
                LocalDate.parse("2026-01-01"));
        WorkingCalendar calendar = new WorkingCalendar(Shanghai.ZONE, replaced);
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-16"))).as("Spring Festival not listed").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-10-08"))).as("other years stay").isFalse();

        calendar.use(SHIPPED.with(List.of()));
        assertThat(calendar.schedule()).isEqualTo(CalendarProducer.bundledSchedule());
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-16"))).isFalse();
    }

    @Test
    void aFileIsTheSourceOfTheYearsItCovers() {
        HolidaySchedule file = HolidaySchedule.parseYear(2027, HolidayYearRulesTest.YEAR_2027);
        ShippedSchedules shipped = new ShippedSchedules(List.of(SHIPPED.files().get(0),
                new ShippedSchedules.Shipped(HolidaySource.FILE, "/etc/hotline/2027.txt", file)));
        assertThat(shipped.covering(2027)).map(ShippedSchedules.Shipped::name).contains("/etc/hotline/2027.txt");
        assertThat(shipped.covering(2026)).map(ShippedSchedules.Shipped::source).contains(HolidaySource.BUNDLED);
        assertThat(shipped.covering(2028)).isEmpty();
        assertThat(shipped.merged().years()).containsExactly(2024, 2025, 2026, 2027);
    }

    /**
     * Schedules A (one day off at the start of 2027) and B (three at its end) give different working time over the
     * year; a computation that read A for some dates and B for others would give a third or fourth answer.
     */
    @Test
    void aComputationRunningDuringASwapSeesOneScheduleThroughout() throws InterruptedException {
        HolidaySchedule a = SHIPPED.with(List.of(administered(2027, "off 2027-01-04 元旦")));
        HolidaySchedule b = SHIPPED.with(List.of(administered(2027, "off 2027-12-27..2027-12-29 年末")));
        WorkingCalendar calendar = new WorkingCalendar(Shanghai.ZONE, a);
        Instant from = at("2027-01-01T00:00");
        Instant to = at("2028-01-01T00:00");
        Duration underA = new WorkingCalendar(Shanghai.ZONE, a).workingTimeBetween(from, to);
        Duration underB = new WorkingCalendar(Shanghai.ZONE, b).workingTimeBetween(from, to);
        assertThat(underA.minus(underB)).isEqualTo(Duration.ofDays(2));

        Set<Duration> seen = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService readers = Executors.newFixedThreadPool(3);
        CountDownLatch started = new CountDownLatch(3);
        for (int i = 0; i < 3; i++) {
            readers.submit(() -> {
                started.countDown();
                while (running.get()) {
                    seen.add(calendar.workingTimeBetween(from, to));
                }
            });
        }
        started.await();
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
        while (System.nanoTime() < end) {
            calendar.use(a);
            calendar.use(b);
        }
        running.set(false);
        readers.shutdown();
        assertThat(readers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).isSubsetOf(underA, underB).isNotEmpty();
    }
}
