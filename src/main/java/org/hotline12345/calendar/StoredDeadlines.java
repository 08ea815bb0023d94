package org.hotline12345.calendar;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.hotline12345.security.Actor;

/**
 * Deadlines a feature computed with the working calendar and stored: when an administrator changes a year's
 * arrangement, each implementation works its running ones out again, in the transaction that saves the change.
 */
public interface StoredDeadlines {

    /** How many running clocks have their deadline in the year. */
    long runningIn(int year, WorkingCalendar calendar);

    /**
     * Moves the deadlines of running clocks that pass through {@code year} to where {@code current} puts them.
     *
     * @param previous the calendar before the change, to check that a stored deadline came from it
     */
    Recalculated recalculate(int year, WorkingCalendar previous, WorkingCalendar current, Actor actor, Instant now);

    /**
     * @param moved what moved, e.g. work order numbers
     * @param unmatched what was not computed from the previous calendar as expected, so was left alone
     */
    record Recalculated(List<String> moved, List<String> unmatched) {

        public static final Recalculated NOTHING = new Recalculated(List.of(), List.of());

        public Recalculated plus(Recalculated other) {
            return new Recalculated(Stream.concat(moved.stream(), other.moved.stream()).toList(),
                    Stream.concat(unmatched.stream(), other.unmatched.stream()).toList());
        }
    }
}
