package org.hotline12345.telephony.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.hotline12345.telephony.callback.CallbackFigures;

/**
 * The call-centre report of a period of the city's days (话务报表): the figures in all, per queue, per agent and per
 * interval, with the settings they were computed with.
 *
 * @param answerTargetSeconds calls answered within this count towards the service level (15 s)
 * @param answerTargetShare the service level to reach (95 %)
 * @param shortAbandonSeconds callers gone within this are short abandons, apart from the abandoned
 * @param callbackTargetMinutes missed calls are to be called back within this (30 minutes)
 */
public record CallCentreReport(LocalDate from, LocalDate to, int intervalMinutes, long answerTargetSeconds,
        double answerTargetShare, long shortAbandonSeconds, long callbackTargetMinutes, Breakdown figures) {

    /**
     * @param pauseReasons every reason paused for in the period, in order
     */
    public record Breakdown(Figures total, List<Figures> queues, List<Figures> agents, List<Figures> intervals,
            List<String> pauseReasons) {
    }

    /**
     * One row: the period in all, a queue, an agent or an interval.
     *
     * @param key 全部, the queue's or agent's name, or the interval's start ({@code 2026-12-07 09:30})
     * @param callbackAttempts callbacks of missed calls placed (by the agent, in the interval)
     * @param callbacksReached of which the agent recorded the citizen reached
     */
    public record Figures(String key, Calls calls, AgentTime time, CallbackFigures callbacks, long callbackAttempts,
            long callbacksReached, RatingCounts ratings) {

        /** Whether anything happened in this row, as the tables show only such intervals. */
        public boolean active() {
            return calls.offered() > 0 || time.staffedSeconds() > 0 || callbacks.missed() > 0 || callbackAttempts > 0
                    || ratings.total() > 0;
        }
    }

    /**
     * Queue calls. Shares and averages are {@code null} where there is nothing to divide by.
     *
     * @param offered answered, abandoned and short abandons; calls still waiting are not offered yet
     * @param serviceLevel answered within the target, of the offered less the short abandons
     * @param abandonRate abandoned (short abandons apart), of the offered less the short abandons
     * @param averageSpeedOfAnswer seconds waited by the answered calls, on average (ASA)
     * @param handled answered calls whose talk time is known
     * @param averageHandlingTime talk and wrap-up per handled call, in seconds (AHT)
     */
    public record Calls(long offered, long answered, long abandoned, long shortAbandoned, long answeredWithinTarget,
            Double serviceLevel, Double abandonRate, Double averageSpeedOfAnswer, long handled,
            Double averageHandlingTime, Double averageTalk, Double averageWrapUp) {
    }

    /**
     * Agents' time, in seconds.
     *
     * @param staffedSeconds signed in to the queues, in any state
     * @param availableSeconds ready, ringing, on a call or in wrap-up
     * @param busySeconds on a call or in wrap-up
     * @param occupancy busy of available
     * @param pausedByReason pause time by reason (小休, 培训 …)
     */
    public record AgentTime(long staffedSeconds, long availableSeconds, long busySeconds, Double occupancy,
            long pausedSeconds, Map<String, Long> pausedByReason) {
    }
}
