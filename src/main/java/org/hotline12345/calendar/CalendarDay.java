package org.hotline12345.calendar;

import java.time.LocalDate;

/**
 * A date the official schedule treats differently from an ordinary week: a public holiday (off) or a 调休 make-up
 * workday (a weekend date that is worked).
 *
 * @param date the date
 * @param working {@code true} for a make-up workday, {@code false} for a day off
 * @param name the holiday the entry belongs to, such as 春节
 */
public record CalendarDay(LocalDate date, boolean working, String name) {
}
