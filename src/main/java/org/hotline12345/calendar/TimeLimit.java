package org.hotline12345.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a clock may run: either a number of working days ({@code 5wd}), counted on the {@link WorkingCalendar},
 * or an elapsed duration around the clock in ISO-8601 ({@code PT24H}, {@code PT30M}) for urgent matters.
 */
public final class TimeLimit {

    private static final Pattern WORKING_DAYS = Pattern.compile("(\\d{1,3})\\s*wd", Pattern.CASE_INSENSITIVE);

    /**
     * The longest limit, elapsed or in working days: a year. Anything longer is a typing error, and an unbounded one
     * (PT99999999999H) would put deadlines millions of years ahead.
     */
    public static final int MAX_DAYS = 366;

    private final Duration amount;
    private final boolean workingTime;

    private TimeLimit(Duration amount, boolean workingTime) {
        if (amount.isNegative() || amount.isZero()) {
            throw new IllegalArgumentException("a time limit must be positive: " + amount);
        }
        if (amount.compareTo(Duration.ofDays(MAX_DAYS)) > 0) {
            throw new IllegalArgumentException("时限不能超过 " + MAX_DAYS + " 天或 " + MAX_DAYS + " 个工作日");
        }
        this.amount = amount;
        this.workingTime = workingTime;
    }

    public static TimeLimit workingDays(int days) {
        return new TimeLimit(WorkingCalendar.WORKING_DAY.multipliedBy(days), true);
    }

    public static TimeLimit elapsed(Duration duration) {
        return new TimeLimit(duration, false);
    }

    /**
     * Reads {@code 5wd} or an ISO-8601 duration such as {@code PT24H}.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static TimeLimit parse(CharSequence text) {
        String value = text.toString().strip();
        Matcher workingDays = WORKING_DAYS.matcher(value);
        if (workingDays.matches()) {
            return workingDays(Integer.parseInt(workingDays.group(1)));
        }
        try {
            return elapsed(Duration.parse(value));
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException(
                    "'" + value
                            + "' is not a time limit: use working days such as 5wd or an ISO-8601 duration such as PT24H");
        }
    }

    /** The limit's length: working time for working-day limits, elapsed time otherwise. */
    public Duration amount() {
        return amount;
    }

    public boolean countsWorkingTime() {
        return workingTime;
    }

    /** The deadline of a clock with this limit started at {@code start}. */
    public Instant deadlineFrom(Instant start, WorkingCalendar calendar) {
        return workingTime ? calendar.addWorkingTime(start, amount) : start.plus(amount);
    }

    /**
     * The time in [from, to) that counts against this kind of limit; negative when {@code to} precedes {@code from}.
     */
    public Duration counted(Instant from, Instant to, WorkingCalendar calendar) {
        return workingTime ? calendar.workingTimeBetween(from, to) : Duration.between(from, to);
    }

    /**
     * The deadline moved later by the time in [pausedAt, resumedAt) that counts against this limit, for a clock that
     * was stopped during that interval.
     */
    public Instant postpone(Instant deadline, Instant pausedAt, Instant resumedAt, WorkingCalendar calendar) {
        Duration paused = counted(pausedAt, resumedAt, calendar);
        if (paused.isNegative() || paused.isZero()) {
            return deadline;
        }
        return workingTime ? calendar.addWorkingTime(deadline, paused) : deadline.plus(paused);
    }

    @Override
    public String toString() {
        return workingTime ? amount.toDays() + "wd" : amount.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TimeLimit that && workingTime == that.workingTime && amount.equals(that.amount);
    }

    @Override
    public int hashCode() {
        return Objects.hash(amount, workingTime);
    }
}
