package org.hotline12345.telephony;

import java.time.OffsetDateTime;
import java.util.List;

import org.hotline12345.workorder.Satisfaction;
import org.hotline12345.workorder.ServiceRating;

/** What the telephony API answers. */
public final class TelephonyViews {

    private TelephonyViews() {
    }

    /**
     * An agent as supervisors and the agent's own page see them.
     *
     * @param extension the phone the agent signed in at, or {@code null} when signed out
     */
    public record AgentView(String username, String extension, List<String> queues, AgentState state,
            String pauseReason, OffsetDateTime since, String callId) {
    }

    /**
     * A call's record.
     *
     * @param serviceRating the caller's five-level rating after the call (一次一评)
     * @param surveyResult the three-level satisfaction that rating counts as
     * @param dialStatus what became of an outbound call's dial (ANSWER, BUSY, NOANSWER …); {@code null} for others
     */
    public record CallView(
            String callId,
            CallDirection direction,
            String callerNumber,
            String calledNumber,
            IvrChoice ivrChoice,
            String queue,
            OffsetDateTime startedAt,
            OffsetDateTime queuedAt,
            OffsetDateTime answeredAt,
            OffsetDateTime endedAt,
            Integer waitSeconds,
            Integer talkSeconds,
            String agentUsername,
            boolean abandoned,
            String endedBy,
            boolean recorded,
            Satisfaction surveyResult,
            ServiceRating serviceRating,
            String transferredTo,
            OffsetDateTime transferredAt,
            String transferredBy,
            String consultedNumber,
            String dialStatus,
            boolean repeatCall,
            boolean blocked,
            List<String> workOrders) {
    }

    public record BlockedNumberView(String phone, String reason, String blockedBy, OffsetDateTime blockedAt,
            OffsetDateTime expiresAt) {
    }

    /** A callback asked of Asterisk: its outcome arrives on the agent's {@code /ws/telephony}. */
    public record CallbackPlaced(String callId, String workOrderNumber, String extension) {
    }
}
