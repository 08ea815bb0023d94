package org.hotline12345.calendar;

import java.time.Instant;

/**
 * A year's arrangement as an administrator saved it.
 *
 * @param entries the text as saved, comments included
 * @param schedule the entries parsed: only dates of this year
 */
public record AdministeredYear(int year, String entries, String savedBy, String savedByName, Instant savedAt,
        HolidaySchedule schedule) {
}
