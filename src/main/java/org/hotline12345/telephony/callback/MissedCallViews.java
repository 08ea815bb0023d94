package org.hotline12345.telephony.callback;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.hotline12345.telephony.CallerProfile.EnterpriseBrief;
import org.hotline12345.telephony.CallerProfile.WorkOrderBrief;

/** What the missed-call callbacks answer. */
public final class MissedCallViews {

    private MissedCallViews() {
    }

    /**
     * A number to call back, with what the hotline knows of the caller.
     *
     * @param missedCount how often the number was missed while the entry was open
     * @param callableFrom when it could first be called back (the opening of service hours for a call after them)
     * @param nextAttemptAt when it is offered again after a busy or unanswered callback
     * @param claimedBy the agent calling it now
     */
    public record MissedCallView(long id, String callerNumber, String queue, MissedCallReason reason,
            OffsetDateTime firstMissedAt, OffsetDateTime lastMissedAt, int missedCount, OffsetDateTime callableFrom,
            MissedCallStatus status, int attempts, OffsetDateTime nextAttemptAt, String claimedBy,
            OffsetDateTime closedAt, List<AttemptView> attemptHistory, CallerHistory history) {
    }

    /** A callback placed for the entry and what it came to ({@code null} until recorded). */
    public record AttemptView(String agentUsername, String callId, OffsetDateTime startedAt,
            MissedCallOutcome outcome) {
    }

    /**
     * The caller's history: their latest calls and work orders, as the screen pop shows them.
     *
     * @param recentCalls calls from the number within the repeat-call window
     */
    public record CallerHistory(int recentCalls, List<PastCall> calls, EnterpriseBrief enterprise,
            List<WorkOrderBrief> workOrders) {
    }

    /** A call from the number. */
    public record PastCall(String callId, OffsetDateTime startedAt, String queue, boolean answered,
            String agentUsername) {
    }

    /** The entry an agent took and the callback placed for it; its outcome arrives on {@code /ws/telephony}. */
    public record Taken(MissedCallView missedCall, String callId, String extension) {
    }

    /**
     * The callbacks on the wallboard.
     *
     * @param waiting numbers on the list now (waiting or being called)
     * @param oldestWaitingSince when the oldest of them was first missed
     * @param today entries that became callable today, and how timely their callbacks were
     */
    public record MissedCallBoard(long waiting, OffsetDateTime oldestWaitingSince, long targetMinutes,
            CallbackFigures today) {
    }

    /** An entry as the reports count it. */
    public record CallbackRow(String queue, Instant callableFrom, Instant firstAttemptAt, Instant calledInAt) {
    }

    /** A callback placed, as the reports count it per agent. */
    public record AttemptRow(String agentUsername, Instant startedAt, MissedCallOutcome outcome) {
    }
}
