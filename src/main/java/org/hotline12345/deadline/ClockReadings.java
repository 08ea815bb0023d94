package org.hotline12345.deadline;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotline12345.calendar.TimeLimit;
import org.hotline12345.calendar.WorkingCalendar;
import org.hotline12345.calendar.WorkingDuration;
import org.hotline12345.common.Labels;
import org.hotline12345.workorder.WorkOrderViews.ClockView;

/**
 * A work order's clock as the pages read it: the limit in words, the deadline, the card it has reached, and the time
 * left or by how much it is late. The card follows the same {@link CardPolicy} as the supervision that raises it.
 */
@ApplicationScoped
public class ClockReadings {

    /**
     * One clock, read now.
     *
     * @param name 签收 or 办理回复
     * @param limit the limit in words, e.g. 5个工作日, 24小时
     * @param stoppedAt when the department accepted or replied; {@code null} while the clock runs
     * @param card the card reached while it runs; {@link CardLevel#NONE} once stopped
     * @param remaining 剩余… while in time, 超期… once late, 已暂停 while a return waits; {@code null} once stopped
     * @param late whether the deadline passed before the clock stopped or while it runs
     */
    public record ClockReading(String name, String limit, OffsetDateTime deadline, OffsetDateTime stoppedAt,
            CardLevel card, String remaining, boolean late) {

        /** The card's CSS class on the pages. */
        public String cardName() {
            return card.name();
        }
    }

    @Inject
    CardPolicy cards;

    @Inject
    WorkingCalendar calendar;

    @Inject
    Clock clock;

    /** The reading of {@code view}, {@code null} when the clock never started. */
    public ClockReading read(DeadlineClock which, ClockView view) {
        if (view == null || view.deadline() == null) {
            return null;
        }
        TimeLimit limit = TimeLimit.parse(view.limit());
        if (view.stoppedAt() != null) {
            return new ClockReading(which.label(), words(limit), view.deadline(), view.stoppedAt(), CardLevel.NONE,
                    null, view.overdue());
        }
        CardLevel card = view.paused()
                ? CardLevel.NONE
                : cards.levelAt(cards.thresholds(limit, view.deadline().toInstant()), clock.instant());
        String remaining = view.paused()
                ? "已暂停（退单待审）"
                : view.remaining() == null ? null : remaining(view.remaining(), limit.countsWorkingTime());
        return new ClockReading(which.label(), words(limit), view.deadline(), null, card, remaining, view.overdue());
    }

    /** The city's time now, to the minute, as the pages print it. */
    public String now() {
        return Labels.minutes(clock.instant().atZone(calendar.zone()).toOffsetDateTime());
    }

    /** 剩余1个工作日3小时 or 超期2小时: working time for working-day limits, hours and minutes otherwise. */
    static String remaining(Duration remaining, boolean workingTime) {
        return (remaining.isNegative() ? "超期" : "剩余")
                + (workingTime ? WorkingDuration.of(remaining).text() : hoursAndMinutes(remaining.abs()));
    }

    private static String words(TimeLimit limit) {
        return limit.countsWorkingTime() ? limit.amount().toDays() + "个工作日" : hoursAndMinutes(limit.amount());
    }

    /** 24小时, 1小时30分钟, 30分钟. */
    private static String hoursAndMinutes(Duration duration) {
        long hours = duration.toHours();
        int minutes = duration.toMinutesPart();
        return (hours > 0 ? hours + "小时" : "") + (minutes > 0 || hours == 0 ? minutes + "分钟" : "");
    }
}
