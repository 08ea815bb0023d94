package org.hotline12345.deadline;

import java.time.Duration;
import java.time.Instant;

import org.hotline12345.calendar.TimeLimit;
import org.hotline12345.calendar.WorkingCalendar;

/**
 * When a clock's cards fall due. Yellow: less than {@code yellowMargin} left on limits longer than that margin (a
 * 5-working-day reply turns yellow with one working day left), less than {@code yellowShare} of the limit on shorter
 * ones (a 1-working-day reply with six working hours left, a 30-minute urgent accept with 7.5 minutes). Red: at the
 * deadline. Escalated (督办): {@code escalateAfterWorkingDays} working days after the deadline.
 */
public final class CardPolicy {

    /** The moments a clock reaches each level. */
    public record Thresholds(Instant yellowAt, Instant deadline, Instant escalateAt) {

        public Instant at(CardLevel level) {
            return switch (level) {
                case NONE -> null;
                case YELLOW -> yellowAt;
                case RED -> deadline;
                case ESCALATED -> escalateAt;
            };
        }
    }

    private final WorkingCalendar calendar;
    private final TimeLimit yellowMargin;
    private final double yellowShare;
    private final int escalateAfterWorkingDays;

    public CardPolicy(WorkingCalendar calendar, TimeLimit yellowMargin, double yellowShare,
            int escalateAfterWorkingDays) {
        if (yellowShare <= 0 || yellowShare >= 1) {
            throw new IllegalArgumentException("yellow share must be between 0 and 1: " + yellowShare);
        }
        this.calendar = calendar;
        this.yellowMargin = yellowMargin;
        this.yellowShare = yellowShare;
        this.escalateAfterWorkingDays = escalateAfterWorkingDays;
    }

    public Thresholds thresholds(TimeLimit limit, Instant deadline) {
        Duration left = limit.amount().compareTo(yellowMargin.amount()) > 0
                ? yellowMargin.amount()
                : Duration.ofNanos((long) (limit.amount().toNanos() * yellowShare));
        Instant yellowAt = limit.countsWorkingTime()
                ? calendar.subtractWorkingTime(deadline, left)
                : deadline.minus(left);
        return new Thresholds(yellowAt, deadline, calendar.addWorkingDays(deadline, escalateAfterWorkingDays));
    }

    public int escalateAfterWorkingDays() {
        return escalateAfterWorkingDays;
    }

    /** The highest level reached at {@code now}. */
    public CardLevel levelAt(Thresholds thresholds, Instant now) {
        CardLevel reached = CardLevel.NONE;
        for (CardLevel level : CardLevel.values()) {
            Instant at = thresholds.at(level);
            if (at != null && !now.isBefore(at)) {
                reached = level;
            }
        }
        return reached;
    }

    /** When the next level above {@code current} falls due; {@code null} once escalated. */
    public Instant nextCheck(Thresholds thresholds, CardLevel current) {
        return current == CardLevel.ESCALATED ? null : thresholds.at(CardLevel.values()[current.ordinal() + 1]);
    }
}
