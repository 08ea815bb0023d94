package org.hotline12345.telephony.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.hotline12345.telephony.AgentState;
import org.hotline12345.telephony.callback.CallbackTimeliness;
import org.hotline12345.telephony.callback.MissedCallOutcome;
import org.hotline12345.telephony.callback.MissedCallViews.AttemptRow;
import org.hotline12345.telephony.callback.MissedCallViews.CallbackRow;
import org.hotline12345.telephony.report.CallCentreReport.AgentTime;
import org.hotline12345.telephony.report.CallCentreReport.Calls;
import org.hotline12345.telephony.report.CallCentreReport.Figures;
import org.hotline12345.workorder.ServiceRating;

/**
 * The call-centre figures of a period from the records alone, so that the same records always give the same figures:
 * per queue, per agent and per interval of the day (15, 30 or 60 minutes), and in all.
 * <p>
 * Queue calls count in the interval and queue they joined: offered, answered, abandoned with short abandons (gone
 * within {@code shortAbandon}) apart, answered within the target (15 s), the service level over the calls offered less
 * the short abandons, the average speed of answer, and the handling time (talk and wrap-up) of the calls answered.
 * Agents' time comes from the state log, cut at the intervals' bounds: staffed (signed in), available (ready, ringing,
 * on a call or in wrap-up), busy (on a call or in wrap-up), occupancy (busy over available), and pauses by reason.
 * Missed calls count where they became callable, callbacks where they were placed, ratings with their call.
 * <p>
 * Feed the state rows first, each agent's in time order (the first may precede the period, giving the state at its
 * start), then the rest in any order; {@link #result()} then says what they come to. Nothing is read from a clock:
 * {@code now} only cuts the last states of a period not yet over.
 */
public final class CallCentreCalculator {

    /** A queue call from its record. {@code abandoned}: the caller hung up while waiting. */
    public record CallRow(String callId, String queue, Instant queuedAt, Instant answeredAt, Instant endedAt,
            boolean abandoned, Integer waitSeconds, Integer talkSeconds, String agent, ServiceRating rating) {
    }

    /** A line of the agent state log: the agent is in {@code state} from {@code at} until their next line. */
    public record StateRow(String username, AgentState state, String pauseReason, String callId, Instant at) {
    }

    /**
     * @param start the period's first moment
     * @param end the moment after its last
     * @param now states still current are cut here when it comes before {@code end}
     */
    public record Settings(Instant start, Instant end, ZoneId zone, int intervalMinutes, Duration answerTarget,
            Duration shortAbandon, Instant now) {
    }

    /** What a pause without a reason is listed under. */
    static final String NO_REASON = "未说明";
    private static final DateTimeFormatter INTERVAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Settings settings;
    private final Instant cut;
    private final CallbackTimeliness timeliness;
    private final Tally total;
    private final Map<String, Tally> queues = new TreeMap<>();
    private final Map<String, Tally> agents = new TreeMap<>();
    private final Map<Instant, Tally> intervals = new LinkedHashMap<>();
    private final Map<String, Long> wrapUpMillis = new HashMap<>();
    private StateRow current;
    private boolean statesDone;

    public CallCentreCalculator(Settings settings, CallbackTimeliness timeliness) {
        if (!settings.end().isAfter(settings.start())) {
            throw new IllegalArgumentException("the period ends before it starts");
        }
        this.settings = settings;
        this.timeliness = timeliness;
        this.cut = settings.now().isBefore(settings.end()) ? settings.now() : settings.end();
        this.total = new Tally();
        for (Instant at = intervalStart(settings.start()); at.isBefore(settings.end()); at = nextInterval(at)) {
            intervals.put(at, new Tally());
        }
    }

    /** One line of the state log; see the class comment for the order. */
    public void state(StateRow row) {
        if (statesDone) {
            throw new IllegalStateException("the state log is fed before the calls");
        }
        if (current != null) {
            segment(current, current.username().equals(row.username()) ? row.at() : cut);
        }
        current = row;
    }

    public void call(CallRow call) {
        finishStates();
        if (call.queuedAt() == null || call.queue() == null) {
            return;
        }
        Tally queue = queues.computeIfAbsent(call.queue(), q -> new Tally());
        Tally interval = interval(call.queuedAt());
        Tally agent = call.agent() == null ? null : agents.computeIfAbsent(call.agent(), a -> new Tally());
        if (call.answeredAt() != null) {
            long wait = call.waitSeconds() != null
                    ? call.waitSeconds()
                    : Duration.between(call.queuedAt(), call.answeredAt()).toSeconds();
            boolean withinTarget = wait <= settings.answerTarget().toSeconds();
            Long talk = call.talkSeconds() != null
                    ? Long.valueOf(call.talkSeconds())
                    : call.endedAt() == null ? null : Duration.between(call.answeredAt(), call.endedAt()).toSeconds();
            // each call comes once: its wrap-up is not held any longer
            Long wrapUp = wrapUpMillis.remove(call.callId());
            for (Tally tally : tallies(queue, interval, agent)) {
                tally.answered(wait, withinTarget, talk, wrapUp == null ? 0 : wrapUp);
            }
        } else if (call.abandoned() || call.endedAt() != null) {
            long wait = call.waitSeconds() != null
                    ? call.waitSeconds()
                    : Duration.between(call.queuedAt(), call.endedAt() != null ? call.endedAt() : call.queuedAt())
                            .toSeconds();
            boolean shortAbandon = wait <= settings.shortAbandon().toSeconds();
            for (Tally tally : tallies(queue, interval, null)) {
                tally.lost(shortAbandon);
            }
        }
        // still waiting: offered once it is answered or lost
        if (call.rating() != null) {
            for (Tally tally : tallies(queue, interval, agent)) {
                tally.ratings.merge(call.rating(), 1L, Long::sum);
            }
        }
    }

    /** A missed call to call back, counted where it became callable. */
    public void missedCall(CallbackRow row) {
        finishStates();
        if (row.callableFrom().isBefore(settings.start()) || !row.callableFrom().isBefore(settings.end())) {
            return;
        }
        Tally queue = queues.computeIfAbsent(row.queue(), q -> new Tally());
        for (Tally tally : tallies(queue, interval(row.callableFrom()), null)) {
            tally.callbacks.add(row.callableFrom(), row.firstAttemptAt(), row.calledInAt(), settings.now());
        }
    }

    /** A callback placed, counted for its agent where it was placed. */
    public void attempt(AttemptRow row) {
        finishStates();
        if (row.startedAt().isBefore(settings.start()) || !row.startedAt().isBefore(settings.end())) {
            return;
        }
        Tally agent = agents.computeIfAbsent(row.agentUsername(), a -> new Tally());
        for (Tally tally : tallies(agent, interval(row.startedAt()), null)) {
            tally.attempts++;
            tally.reached += row.outcome() == MissedCallOutcome.REACHED ? 1 : 0;
        }
    }

    public CallCentreReport.Breakdown result() {
        finishStates();
        TreeSet<String> reasons = new TreeSet<>(total.pausedByReason.keySet());
        List<Figures> byInterval = new ArrayList<>();
        intervals.forEach((at, tally) -> byInterval.add(tally.figures(INTERVAL.format(at.atZone(settings.zone())))));
        List<Figures> byQueue = new ArrayList<>();
        queues.forEach((queue, tally) -> byQueue.add(tally.figures(queue)));
        List<Figures> byAgent = new ArrayList<>();
        agents.forEach((agent, tally) -> byAgent.add(tally.figures(agent)));
        return new CallCentreReport.Breakdown(total.figures("全部"), byQueue, byAgent, byInterval,
                List.copyOf(reasons));
    }

    private void finishStates() {
        if (!statesDone) {
            if (current != null) {
                segment(current, cut);
                current = null;
            }
            statesDone = true;
        }
    }

    /** The agent was in {@code row}'s state from its time until {@code until}, cut to the period. */
    private void segment(StateRow row, Instant until) {
        Instant from = row.at().isBefore(settings.start()) ? settings.start() : row.at();
        Instant to = until.isAfter(cut) ? cut : until;
        if (!to.isAfter(from) || row.state() == AgentState.LOGGED_OUT || row.username() == null) {
            return;
        }
        if (row.state() == AgentState.WRAP_UP && row.callId() != null) {
            wrapUpMillis.merge(row.callId(), Duration.between(from, to).toMillis(), Long::sum);
        }
        Tally agent = agents.computeIfAbsent(row.username(), a -> new Tally());
        for (Instant at = intervalStart(from); at.isBefore(to); at = nextInterval(at)) {
            Instant pieceFrom = at.isAfter(from) ? at : from;
            Instant next = nextInterval(at);
            long millis = Duration.between(pieceFrom, next.isBefore(to) ? next : to).toMillis();
            for (Tally tally : tallies(agent, intervals.get(at), null)) {
                tally.time(row.state(), row.pauseReason(), millis);
            }
        }
    }

    /** The tallies a row counts in: the total and the given ones, skipping those absent. */
    private List<Tally> tallies(Tally first, Tally second, Tally third) {
        List<Tally> tallies = new ArrayList<>(4);
        tallies.add(total);
        for (Tally tally : new Tally[]{first, second, third}) {
            if (tally != null) {
                tallies.add(tally);
            }
        }
        return tallies;
    }

    private Tally interval(Instant at) {
        return intervals.get(intervalStart(at));
    }

    private Instant intervalStart(Instant at) {
        ZonedDateTime time = at.atZone(settings.zone());
        int minute = time.getHour() * 60 + time.getMinute();
        return time.truncatedTo(ChronoUnit.DAYS).plusMinutes(minute - minute % settings.intervalMinutes())
                .toInstant();
    }

    private Instant nextInterval(Instant at) {
        return at.plus(Duration.ofMinutes(settings.intervalMinutes()));
    }

    /** The sums of one row of the report; averages and shares are worked out from them at the end. */
    private final class Tally {
        long answered;
        long abandoned;
        long shortAbandoned;
        long withinTarget;
        long waitSeconds;
        long handled;
        long talkSeconds;
        long wrapUpMillisOfHandled;
        long staffedMillis;
        long availableMillis;
        long busyMillis;
        long pausedMillis;
        final Map<String, Long> pausedByReason = new TreeMap<>();
        final CallbackTimeliness.Tally callbacks = timeliness.tally();
        long attempts;
        long reached;
        final Map<ServiceRating, Long> ratings = new EnumMap<>(ServiceRating.class);

        void answered(long wait, boolean inTarget, Long talk, long wrapUp) {
            answered++;
            waitSeconds += wait;
            withinTarget += inTarget ? 1 : 0;
            if (talk != null) {
                handled++;
                talkSeconds += talk;
                wrapUpMillisOfHandled += wrapUp;
            }
        }

        void lost(boolean quickly) {
            if (quickly) {
                shortAbandoned++;
            } else {
                abandoned++;
            }
        }

        void time(AgentState state, String pauseReason, long millis) {
            staffedMillis += millis;
            switch (state) {
                case READY, RINGING -> availableMillis += millis;
                case ON_CALL, WRAP_UP -> {
                    availableMillis += millis;
                    busyMillis += millis;
                }
                case PAUSED -> {
                    pausedMillis += millis;
                    pausedByReason.merge(pauseReason == null || pauseReason.isBlank() ? NO_REASON : pauseReason,
                            millis, Long::sum);
                }
                default -> {
                    // UNAVAILABLE: signed in with the phone unreachable, staffed but not available
                }
            }
        }

        Figures figures(String key) {
            long offered = answered + abandoned + shortAbandoned;
            long counted = answered + abandoned;
            double wrapUpSeconds = wrapUpMillisOfHandled / 1000.0;
            Calls calls = new Calls(offered, answered, abandoned, shortAbandoned, withinTarget,
                    share(withinTarget, counted), share(abandoned, counted), average(waitSeconds, answered),
                    handled, average(talkSeconds + wrapUpSeconds, handled), average(talkSeconds, handled),
                    average(wrapUpSeconds, handled));
            Map<String, Long> pauses = new TreeMap<>();
            pausedByReason.forEach((reason, millis) -> pauses.put(reason, seconds(millis)));
            AgentTime time = new AgentTime(seconds(staffedMillis), seconds(availableMillis), seconds(busyMillis),
                    availableMillis == 0 ? null : (double) busyMillis / availableMillis, seconds(pausedMillis),
                    pauses);
            return new Figures(key, calls, time, callbacks.figures(), attempts, reached, RatingCounts.of(ratings));
        }

        private static long seconds(long millis) {
            return Math.round(millis / 1000.0);
        }

        private static Double share(long count, long base) {
            return base == 0 ? null : (double) count / base;
        }

        private static Double average(double sum, long count) {
            return count == 0 ? null : sum / count;
        }
    }
}
