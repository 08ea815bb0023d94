package org.hotline12345.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.stream.Stream;

/**
 * Working time in the hotline's time zone under the official schedule: Monday to Friday are working dates, public
 * holidays are not, and 调休 make-up workdays (weekend dates worked instead) are.
 * <p>
 * <b>How the clock counts.</b> Working time accrues around the clock on working dates and not at all on other dates.
 * A limit of N working days is N × 24 hours of working time. So a clock started at 14:00 on a working date with a
 * limit of 5 working days ends at 14:00 on the fifth working date after it; a clock started on a day off starts at
 * 00:00 of the next working date; and a deadline that falls at the end of a working date is that date's 24:00, never
 * pushed over the days off that follow. Example: dispatched Friday 2026-02-13 14:00, before the Spring Festival break
 * (02-15…02-23 off, Saturday 02-14 worked): 1 working day ends Saturday 02-14 14:00, 5 working days end Friday 02-27
 * 14:00.
 * <p>
 * Dates outside the years the schedule covers follow the ordinary week; {@link #covers(LocalDate)} tells callers
 * when that is happening.
 * <p>
 * The schedule can be replaced while the service runs ({@link #use(HolidaySchedule)}, when an administrator adds a
 * year): each computation reads it once, so it finishes on the schedule it started with and the next one gets the
 * new schedule.
 */
public final class WorkingCalendar {

    public static final Duration WORKING_DAY = Duration.ofDays(1);

    private final ZoneId zone;
    private volatile HolidaySchedule schedule;

    public WorkingCalendar(ZoneId zone, HolidaySchedule schedule) {
        this.zone = zone;
        this.schedule = Objects.requireNonNull(schedule);
    }

    public ZoneId zone() {
        return zone;
    }

    /** The schedule in use now. */
    public HolidaySchedule schedule() {
        return schedule;
    }

    /** Puts another schedule to use at once, for every caller of this calendar. */
    public void use(HolidaySchedule replacement) {
        schedule = Objects.requireNonNull(replacement);
    }

    public boolean isWorkingDay(LocalDate date) {
        return isWorkingDay(schedule, date);
    }

    private static boolean isWorkingDay(HolidaySchedule schedule, LocalDate date) {
        CalendarDay special = schedule.days().get(date);
        return special != null ? special.working() : !HolidaySchedule.isWeekend(date);
    }

    /** The holiday or make-up workday entry for a date, if the schedule lists it. */
    public Optional<CalendarDay> special(LocalDate date) {
        return Optional.ofNullable(schedule.days().get(date));
    }

    public boolean covers(LocalDate date) {
        return schedule.years().contains(date.getYear());
    }

    public SortedSet<Integer> coveredYears() {
        return schedule.years();
    }

    /** The years from {@code from} to {@code to} that the schedule does not cover: only weekends are off there. */
    public List<Integer> uncoveredYears(LocalDate from, LocalDate to) {
        SortedSet<Integer> covered = schedule.years();
        return Stream.iterate(from.getYear(), year -> year <= to.getYear(), year -> year + 1)
                .filter(year -> !covered.contains(year))
                .toList();
    }

    public LocalDate nextWorkingDay(LocalDate date) {
        HolidaySchedule current = schedule;
        LocalDate next = date.plusDays(1);
        while (!isWorkingDay(current, next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    /**
     * The working time in [from, to); negative when {@code to} is before {@code from}, so that the result can be
     * used as "time left" and "time overdue" alike.
     */
    public Duration workingTimeBetween(Instant from, Instant to) {
        if (to.isBefore(from)) {
            return workingTimeBetween(to, from).negated();
        }
        HolidaySchedule current = schedule;
        Duration total = Duration.ZERO;
        LocalDate date = dateOf(from);
        Instant cursor = from;
        while (cursor.isBefore(to)) {
            Instant endOfDate = startOf(date.plusDays(1));
            Instant until = endOfDate.isBefore(to) ? endOfDate : to;
            if (isWorkingDay(current, date)) {
                total = total.plus(Duration.between(cursor, until));
            }
            cursor = until;
            date = date.plusDays(1);
        }
        return total;
    }

    /**
     * The earliest instant at which {@code amount} of working time has accrued since {@code start}.
     *
     * @throws IllegalArgumentException if the amount is negative
     */
    public Instant addWorkingTime(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount must not be negative: " + amount);
        }
        HolidaySchedule current = schedule;
        Duration remaining = amount;
        LocalDate date = dateOf(start);
        Instant cursor = start;
        while (!remaining.isZero()) {
            Instant endOfDate = startOf(date.plusDays(1));
            if (isWorkingDay(current, date)) {
                Duration available = Duration.between(cursor, endOfDate);
                if (remaining.compareTo(available) <= 0) {
                    return cursor.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
            cursor = endOfDate;
            date = date.plusDays(1);
        }
        return cursor;
    }

    /**
     * The latest instant from which {@code amount} of working time remains until {@code end}: the mirror of
     * {@link #addWorkingTime(Instant, Duration)}, used for "less than a working day left".
     *
     * @throws IllegalArgumentException if the amount is negative
     */
    public Instant subtractWorkingTime(Instant end, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount must not be negative: " + amount);
        }
        HolidaySchedule current = schedule;
        Duration remaining = amount;
        LocalDate date = dateOf(end.minusNanos(1));
        Instant cursor = end;
        while (!remaining.isZero()) {
            Instant startOfDate = startOf(date);
            if (isWorkingDay(current, date)) {
                Duration available = Duration.between(startOfDate, cursor);
                if (remaining.compareTo(available) <= 0) {
                    return cursor.minus(remaining);
                }
                remaining = remaining.minus(available);
            }
            cursor = startOfDate;
            date = date.minusDays(1);
        }
        return cursor;
    }

    public Instant addWorkingDays(Instant start, int days) {
        return addWorkingTime(start, WORKING_DAY.multipliedBy(days));
    }

    private LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    private Instant startOf(LocalDate date) {
        return date.atStartOfDay(zone).toInstant();
    }
}
