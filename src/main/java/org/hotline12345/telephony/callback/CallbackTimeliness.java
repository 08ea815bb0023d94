package org.hotline12345.telephony.callback;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Whether a missed call was called back in time, by the two measures the hotline reports: within the target (30
 * minutes) of when it could be called back, and on that same day. A callback counts once placed, whatever it came to:
 * calling is what is asked; reaching the citizen is not in the hotline's hands. An entry counts towards a measure once
 * its deadline has passed or it was called back; one whose caller called again and got through before the deadline
 * needs no callback and does not count.
 */
public final class CallbackTimeliness {

    /** How one entry counts for one measure. */
    public enum Verdict {
        /** in the base and in time */
        IN_TIME,
        /** in the base, late or not called back by the deadline */
        LATE,
        /** not (yet) in the base: the deadline is ahead and no callback yet, or none was needed */
        NOT_COUNTED;

        public boolean counted() {
            return this != NOT_COUNTED;
        }
    }

    private final Duration target;
    private final ZoneId zone;

    public CallbackTimeliness(Duration target, ZoneId zone) {
        this.target = target;
        this.zone = zone;
    }

    /**
     * @param firstAttemptAt when the first callback was placed, or {@code null}
     * @param calledInAt when the caller got through on a call of their own before any callback, or {@code null}
     */
    public Verdict withinTarget(Instant callableFrom, Instant firstAttemptAt, Instant calledInAt, Instant now) {
        return verdict(callableFrom.plus(target), firstAttemptAt, calledInAt, now);
    }

    /** As {@link #withinTarget}, with the end of the day the entry became callable as the deadline. */
    public Verdict withinDay(Instant callableFrom, Instant firstAttemptAt, Instant calledInAt, Instant now) {
        Instant endOfDay = callableFrom.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
        return verdict(endOfDay, firstAttemptAt, calledInAt, now);
    }

    private static Verdict verdict(Instant deadline, Instant firstAttemptAt, Instant calledInAt, Instant now) {
        if (firstAttemptAt != null) {
            return firstAttemptAt.isAfter(deadline) ? Verdict.LATE : Verdict.IN_TIME;
        }
        if (calledInAt != null && !calledInAt.isAfter(deadline)) {
            return Verdict.NOT_COUNTED;
        }
        return now.isBefore(deadline) ? Verdict.NOT_COUNTED : Verdict.LATE;
    }

    public Duration target() {
        return target;
    }

    /** Counts entries by both measures, as the wallboard and the reports show them. */
    public final class Tally {

        private long missed;
        private long dueTarget;
        private long withinTarget;
        private long dueDay;
        private long withinDay;

        /** One entry that became callable; see {@link #withinTarget} for the arguments. */
        public void add(Instant callableFrom, Instant firstAttemptAt, Instant calledInAt, Instant now) {
            missed++;
            Verdict target = withinTarget(callableFrom, firstAttemptAt, calledInAt, now);
            Verdict day = withinDay(callableFrom, firstAttemptAt, calledInAt, now);
            dueTarget += target.counted() ? 1 : 0;
            withinTarget += target == Verdict.IN_TIME ? 1 : 0;
            dueDay += day.counted() ? 1 : 0;
            withinDay += day == Verdict.IN_TIME ? 1 : 0;
        }

        public CallbackFigures figures() {
            return new CallbackFigures(missed, withinTarget, dueTarget, share(withinTarget, dueTarget), withinDay,
                    dueDay, share(withinDay, dueDay));
        }

        private static Double share(long count, long base) {
            return base == 0 ? null : (double) count / base;
        }
    }

    public Tally tally() {
        return new Tally();
    }
}
