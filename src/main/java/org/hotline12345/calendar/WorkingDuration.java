package org.hotline12345.calendar;

import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A span of working time as people read it: whole working days of 24 working hours, then hours and minutes, e.g.
 * 剩余 1 个工作日 3 小时 or 逾期 2 个工作日 5 小时.
 *
 * @param negative whether the span runs backwards (time overdue rather than time left)
 */
public record WorkingDuration(long workingDays, int hours, int minutes, boolean negative) {

    public static WorkingDuration of(Duration workingTime) {
        Duration magnitude = workingTime.abs();
        return new WorkingDuration(magnitude.toDays(), magnitude.toHoursPart(), magnitude.toMinutesPart(),
                workingTime.isNegative());
    }

    /** In Chinese without the sign, e.g. {@code 1个工作日3小时}, {@code 2小时30分钟}, {@code 20分钟}. */
    @JsonProperty
    public String text() {
        if (workingDays > 0) {
            return workingDays + "个工作日" + (hours > 0 ? hours + "小时" : "");
        }
        if (hours > 0) {
            return hours + "小时" + (minutes > 0 ? minutes + "分钟" : "");
        }
        return minutes + "分钟";
    }
}
