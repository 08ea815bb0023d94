package org.hotline12345.telephony.callback;

/**
 * Missed calls to call back and how timely the callbacks were ({@link CallbackTimeliness}).
 *
 * @param missed entries that became callable: each number once however often it was missed
 * @param withinTarget called back within the target (30 minutes), of {@code dueTarget}
 * @param dueTarget entries whose target has passed or that were called back
 * @param withinTargetShare {@code withinTarget / dueTarget}, {@code null} while nothing is due
 * @param withinDay called back on the day they became callable, of {@code dueDay}
 */
public record CallbackFigures(long missed, long withinTarget, long dueTarget, Double withinTargetShare, long withinDay,
        long dueDay, Double withinDayShare) {
}
