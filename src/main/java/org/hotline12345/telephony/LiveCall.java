package org.hotline12345.telephony;

import java.time.Instant;

/**
 * A call in progress as the wallboard and the agent's actions need it: immutable, replaced on each change.
 *
 * @param callId Asterisk's Uniqueid of the caller's channel
 * @param channel the caller's channel, which transfers redirect
 * @param waiting whether the caller waits in {@code queue} now
 * @param agentChannel the answering agent's channel, once answered
 */
public record LiveCall(
        String callId,
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
        String agentChannel) {

    static LiveCall inbound(String callId, String channel, String callerNumber, Instant at) {
        return new LiveCall(callId, CallDirection.INBOUND, channel, callerNumber, at, null, null, null, false, null,
                null, null, null);
    }

    static LiveCall outbound(String callId, String channel, String number, String agentUsername, Instant at) {
        return new LiveCall(callId, CallDirection.OUTBOUND, channel, number, at, null, null, null, false, at,
                agentUsername, null, channel);
    }

    LiveCall inQueue(String queueName, Instant at) {
        return new LiveCall(callId, direction, channel, callerNumber, startedAt, ivrChoice, queueName, at, true,
                answeredAt, agentUsername, agentDevice, agentChannel);
    }

    LiveCall withIvrChoice(IvrChoice choice) {
        return new LiveCall(callId, direction, channel, callerNumber, startedAt, choice, queue, queuedAt, waiting,
                answeredAt, agentUsername, agentDevice, agentChannel);
    }

    LiveCall answeredBy(String username, String device, String byChannel, Instant at) {
        return new LiveCall(callId, direction, channel, callerNumber, startedAt, ivrChoice, queue, queuedAt, false,
                at, username, device, byChannel);
    }

    LiveCall leftQueue() {
        return new LiveCall(callId, direction, channel, callerNumber, startedAt, ivrChoice, queue, queuedAt, false,
                answeredAt, agentUsername, agentDevice, agentChannel);
    }

    boolean talking() {
        return answeredAt != null;
    }
}
