package org.hotline12345.telephony;

import java.time.Instant;

/**
 * A call in progress as the wallboard and the agent's actions need it: immutable, replaced on each change.
 *
 * @param callId Asterisk's Uniqueid of the caller's channel
 * @param server the Asterisk server the call is on, which actions on it go to
 * @param channel the caller's channel, which transfers redirect
 * @param waiting whether the caller waits in {@code queue} now
 * @param answeredAt when an agent answered (inbound) or the citizen did (callback); {@code null} before
 * @param agentChannel the answering agent's channel, once answered
 * @param recording MixMonitor's file as the dialplan announced it, linked to the record once the call is answered
 * @param transferredAt when the agent sent the caller to 110/119/120/122; the talk ended then
 */
public record LiveCall(
        String callId,
        String server,
        CallDirection direction,
        String channel,
        String callerNumber,
        Instant startedAt,
        IvrChoice ivrChoice,
        String queue,
        Instant queuedAt,
        boolean waiting,
        Instant answeredAt,
        String agentUsername,
        String agentDevice,
        String agentChannel,
        String recording,
        Instant transferredAt) {

    static LiveCall inbound(String callId, String server, String channel, String callerNumber, Instant at) {
        return new LiveCall(callId, server, CallDirection.INBOUND, channel, callerNumber, at, null, null, null, false,
                null, null, null, null, null, null);
    }

    /** A callback: the agent's phone answered, the citizen is being dialled. */
    static LiveCall outbound(String callId, String server, String channel, String number, String agentUsername,
            Instant at) {
        return new LiveCall(callId, server, CallDirection.OUTBOUND, channel, number, at, null, null, null, false,
                null, agentUsername, null, channel, null, null);
    }

    /** The call as seen on {@code server}, where an earlier report (the IVR's) did not say which. */
    LiveCall onServer(String name) {
        return server != null || name == null
                ? this
                : new LiveCall(callId, name, direction, channel, callerNumber, startedAt, ivrChoice, queue, queuedAt,
                        waiting, answeredAt, agentUsername, agentDevice, agentChannel, recording, transferredAt);
    }

    /** In the queue; the channel and number fill in what an earlier event did not know. */
    LiveCall inQueue(String queueName, String inChannel, String number, Instant at) {
        return new LiveCall(callId, server, direction, channel != null ? channel : inChannel,
                callerNumber != null ? callerNumber : number, startedAt, ivrChoice, queueName, at, true, answeredAt,
                agentUsername, agentDevice, agentChannel, recording, transferredAt);
    }

    LiveCall withIvrChoice(IvrChoice choice) {
        return new LiveCall(callId, server, direction, channel, callerNumber, startedAt, choice, queue, queuedAt,
                waiting, answeredAt, agentUsername, agentDevice, agentChannel, recording, transferredAt);
    }

    LiveCall withRecording(String file) {
        return new LiveCall(callId, server, direction, channel, callerNumber, startedAt, ivrChoice, queue, queuedAt,
                waiting, answeredAt, agentUsername, agentDevice, agentChannel, file, transferredAt);
    }

    LiveCall answeredBy(String username, String device, String byChannel, Instant at) {
        return new LiveCall(callId, server, direction, channel, callerNumber, startedAt, ivrChoice, queue, queuedAt,
                false, at, username != null ? username : agentUsername, device, byChannel, recording, transferredAt);
    }

    LiveCall leftQueue() {
        return new LiveCall(callId, server, direction, channel, callerNumber, startedAt, ivrChoice, queue, queuedAt,
                false, answeredAt, agentUsername, agentDevice, agentChannel, recording, transferredAt);
    }

    LiveCall transferred(Instant at) {
        return new LiveCall(callId, server, direction, channel, callerNumber, startedAt, ivrChoice, queue, queuedAt,
                false, answeredAt, agentUsername, agentDevice, agentChannel, recording, at);
    }

    boolean talking() {
        return answeredAt != null;
    }
}
