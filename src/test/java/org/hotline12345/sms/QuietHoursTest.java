package org.hotline12345.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private final QuietHours night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0), CITY);

    @Test
    void outsideTheNightAMessageGoesAtOnce() {
        assertThat(night.earliestSend(at(2026, 12, 7, 21, 59))).isEqualTo(at(2026, 12, 7, 21, 59));
        assertThat(night.earliestSend(at(2026, 12, 7, 8, 0))).isEqualTo(at(2026, 12, 7, 8, 0));
    }

    @Test
    void inTheEveningItWaitsForTheNextMorning() {
        assertThat(night.earliestSend(at(2026, 12, 7, 22, 0))).isEqualTo(at(2026, 12, 8, 8, 0));
        assertThat(night.earliestSend(at(2026, 12, 31, 23, 30))).isEqualTo(at(2027, 1, 1, 8, 0));
    }

    @Test
    void afterMidnightItWaitsForTheSameMorning() {
        assertThat(night.earliestSend(at(2026, 12, 8, 3, 15))).isEqualTo(at(2026, 12, 8, 8, 0));
    }

    @Test
    void aSpanWithinOneDayAndNoSpanAtAll() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0), CITY);
        assertThat(lunch.earliestSend(at(2026, 12, 7, 12, 30))).isEqualTo(at(2026, 12, 7, 14, 0));
        assertThat(lunch.earliestSend(at(2026, 12, 7, 23, 0))).isEqualTo(at(2026, 12, 7, 23, 0));
        QuietHours none = new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, CITY);
        assertThat(none.earliestSend(at(2026, 12, 7, 3, 0))).isEqualTo(at(2026, 12, 7, 3, 0));
    }

    private static Instant at(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(CITY).toInstant();
    }
}
