package org.hotline12345.telephony.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ServiceHoursTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** 2026-12-07 at the given time in Shanghai. */
    private static Instant at(String time) {
        return Instant.parse("2026-12-07T" + time + "+08:00");
    }

    private static ServiceHours hours(String opens, String closes) {
        return ServiceHours.of(Optional.of(LocalTime.parse(opens)), Optional.of(LocalTime.parse(closes)), SHANGHAI);
    }

    @Test
    void aroundTheClockEveryMissedCallIsCallableAtOnce() {
        ServiceHours hours = ServiceHours.of(Optional.empty(), Optional.empty(), SHANGHAI);
        assertThat(hours.aroundTheClock()).isTrue();
        assertThat(hours.open(at("03:00:00"))).isTrue();
        assertThat(hours.callableFrom(at("03:00:00"))).isEqualTo(at("03:00:00"));
        assertThat(hours.describe()).isEqualTo("全天24小时");
    }

    @Test
    void outsideDaytimeHoursACallIsCallableWhenTheyOpenNext() {
        ServiceHours hours = hours("08:00", "20:00");
        assertThat(hours.open(at("08:00:00"))).isTrue();
        assertThat(hours.open(at("19:59:59"))).isTrue();
        assertThat(hours.open(at("20:00:00"))).isFalse();
        assertThat(hours.open(at("07:59:59"))).isFalse();
        assertThat(hours.callableFrom(at("12:00:00"))).isEqualTo(at("12:00:00"));
        assertThat(hours.callableFrom(at("06:30:00"))).isEqualTo(at("08:00:00"));
        assertThat(hours.callableFrom(at("21:15:00"))).isEqualTo(Instant.parse("2026-12-08T08:00:00+08:00"));
        assertThat(hours.describe()).isEqualTo("08:00–20:00");
    }

    @Test
    void hoursMayRunPastMidnight() {
        ServiceHours hours = hours("20:00", "08:00");
        assertThat(hours.open(at("23:00:00"))).isTrue();
        assertThat(hours.open(at("07:00:00"))).isTrue();
        assertThat(hours.open(at("12:00:00"))).isFalse();
        assertThat(hours.callableFrom(at("12:00:00"))).isEqualTo(at("20:00:00"));
    }

    @Test
    void halfSetOrEmptyHoursAreRefused() {
        assertThatThrownBy(() -> ServiceHours.of(Optional.of(LocalTime.NOON), Optional.empty(), SHANGHAI))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("set together");
        assertThatThrownBy(() -> hours("08:00", "08:00")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the same time");
    }
}
