package org.hotline12345.sms;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The hours in which no message that can wait is sent (e.g. 22:00 to 08:00 in the city's time); a span that crosses
 * midnight is read as the night from {@code start} to {@code end} the next morning. Equal ends mean no quiet hours.
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

    /** {@code now} outside the quiet hours; otherwise the moment they end. */
    public Instant earliestSend(Instant now) {
        if (start.equals(end)) {
            return now;
        }
        LocalDateTime local = LocalDateTime.ofInstant(now, zone);
        LocalTime time = local.toLocalTime();
        LocalDate day = local.toLocalDate();
        if (start.isBefore(end)) {
            return !time.isBefore(start) && time.isBefore(end) ? day.atTime(end).atZone(zone).toInstant() : now;
        }
        if (!time.isBefore(start)) {
            return day.plusDays(1).atTime(end).atZone(zone).toInstant();
        }
        if (time.isBefore(end)) {
            return day.atTime(end).atZone(zone).toInstant();
        }
        return now;
    }
}
