package org.hotline12345.support;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.hotline12345.calendar.CalendarProducer;
import org.hotline12345.calendar.WorkingCalendar;

/** The working calendar the product ships, in the default zone, for tests. */
public final class Shanghai {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final WorkingCalendar CALENDAR = new WorkingCalendar(ZONE, CalendarProducer.bundledSchedule());

    private Shanghai() {
    }

    /** A local date-time in Shanghai, e.g. {@code 2026-02-13T14:00}. */
    public static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
    }
}
