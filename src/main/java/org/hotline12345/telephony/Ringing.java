package org.hotline12345.telephony;

import java.time.Instant;

/** A queue call began to ring at an agent's phone: the moment for the screen pop. */
public record Ringing(String callId, String callerNumber, String queue, IvrChoice ivrChoice, String agentUsername,
        Instant at) {
}
