package org.hotline12345.telephony;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hotline12345.workorder.Satisfaction;
import org.hotline12345.workorder.ServiceRating;

/** A call's record, as read back; {@link CallStore} writes it from the events. */
@Entity
@Immutable
@Table(name = "call_record")
public class CallRecord {

    @Id
    private Long id;

    @Column(name = "call_id")
    private String callId;

    @Enumerated(EnumType.STRING)
    private CallDirection direction;

    @Column(name = "caller_number")
    private String callerNumber;

    @Column(name = "called_number")
    private String calledNumber;

    private String channel;

    @Column(name = "started_at")
    private Instant startedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "ivr_choice")
    private IvrChoice ivrChoice;

    private String queue;

    @Column(name = "queued_at")
    private Instant queuedAt;

    @Column(name = "answered_at")
    private Instant answeredAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "wait_seconds")
    private Integer waitSeconds;

    @Column(name = "talk_seconds")
    private Integer talkSeconds;

    @Column(name = "agent_username")
    private String agentUsername;

    @Column(name = "agent_channel")
    private String agentChannel;

    private boolean abandoned;

    @Column(name = "ended_by")
    private String endedBy;

    @Column(name = "recording_file")
    private String recordingFile;

    @Enumerated(EnumType.STRING)
    @Column(name = "survey_result")
    private Satisfaction surveyResult;

    @Column(name = "surveyed_at")
    private Instant surveyedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "service_rating")
    private ServiceRating serviceRating;

    @Column(name = "transferred_to")
    private String transferredTo;

    @Column(name = "transferred_at")
    private Instant transferredAt;

    @Column(name = "transferred_by")
    private String transferredBy;

    @Column(name = "consulted_number")
    private String consultedNumber;

    @Column(name = "dial_status")
    private String dialStatus;

    @Column(name = "repeat_call")
    private boolean repeatCall;

    private boolean blocked;

    protected CallRecord() {
    }

    public String getCallId() {
        return callId;
    }

    public CallDirection getDirection() {
        return direction;
    }

    public String getCallerNumber() {
        return callerNumber;
    }

    public String getCalledNumber() {
        return calledNumber;
    }

    public String getChannel() {
        return channel;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public IvrChoice getIvrChoice() {
        return ivrChoice;
    }

    public String getQueue() {
        return queue;
    }

    public Instant getQueuedAt() {
        return queuedAt;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public Integer getWaitSeconds() {
        return waitSeconds;
    }

    public Integer getTalkSeconds() {
        return talkSeconds;
    }

    public String getAgentUsername() {
        return agentUsername;
    }

    public String getAgentChannel() {
        return agentChannel;
    }

    public boolean isAbandoned() {
        return abandoned;
    }

    public String getEndedBy() {
        return endedBy;
    }

    public String getRecordingFile() {
        return recordingFile;
    }

    public Satisfaction getSurveyResult() {
        return surveyResult;
    }

    public Instant getSurveyedAt() {
        return surveyedAt;
    }

    public ServiceRating getServiceRating() {
        return serviceRating;
    }

    public String getTransferredTo() {
        return transferredTo;
    }

    public Instant getTransferredAt() {
        return transferredAt;
    }

    public String getTransferredBy() {
        return transferredBy;
    }

    public String getConsultedNumber() {
        return consultedNumber;
    }

    public String getDialStatus() {
        return dialStatus;
    }

    public boolean isRepeatCall() {
        return repeatCall;
    }

    public boolean isBlocked() {
        return blocked;
    }
}
