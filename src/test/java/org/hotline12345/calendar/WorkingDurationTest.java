package org.hotline12345.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class WorkingDurationTest {

    @Test
    void readsAsPeopleSayIt() {
        assertThat(WorkingDuration.of(Duration.ofHours(27)).text()).isEqualTo("1个工作日3小时");
        assertThat(WorkingDuration.of(Duration.ofDays(2)).text()).isEqualTo("2个工作日");
        assertThat(WorkingDuration.of(Duration.ofMinutes(90)).text()).isEqualTo("1小时30分钟");
        assertThat(WorkingDuration.of(Duration.ofMinutes(20)).text()).isEqualTo("20分钟");
        assertThat(WorkingDuration.of(Duration.ZERO).text()).isEqualTo("0分钟");
        WorkingDuration overdue = WorkingDuration.of(Duration.ofHours(-50));
        assertThat(overdue.negative()).isTrue();
        assertThat(overdue.workingDays()).isEqualTo(2);
        assertThat(overdue.hours()).isEqualTo(2);
    }
}
