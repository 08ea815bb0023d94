package org.hotline12345.telephony.callback;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One callback of a missed call: who placed it, its own call record, and what it came to. */
@Entity
@Table(name = "missed_call_attempt")
public class MissedCallAttempt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "missed_call_id", nullable = false, updatable = false)
    private Long missedCallId;

    @Column(name = "agent_username", nullable = false, updatable = false)
    private String agentUsername;

    @Column(name = "call_id", nullable = false, updatable = false)
    private String callId;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Enumerated(EnumType.STRING)
    private MissedCallOutcome outcome;

    @Column(name = "recorded_at")
    private Instant recordedAt;

    protected MissedCallAttempt() {
    }

    MissedCallAttempt(Long missedCallId, String agentUsername, String callId, Instant startedAt) {
        this.missedCallId = missedCallId;
        this.agentUsername = agentUsername;
        this.callId = callId;
        this.startedAt = startedAt;
    }

    void record(MissedCallOutcome result, Instant at) {
        outcome = result;
        recordedAt = at;
    }

    public Long getMissedCallId() {
        return missedCallId;
    }

    public String getAgentUsername() {
        return agentUsername;
    }

    public String getCallId() {
        return callId;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public MissedCallOutcome getOutcome() {
        return outcome;
    }
}
