package org.hotline12345.telephony;

import java.time.Instant;
import java.util.Set;

/**
 * One agent as the queues see them.
 *
 * @param username the member name in the queues, which the service sets to the user's name when it logs them in
 * @param device the phone's interface, e.g. {@code PJSIP/8001}
 * @param callId the call ringing at or talking to the agent
 */
public record AgentStatus(
        String username,
        String device,
        Set<String> queues,
        AgentState state,
        String pauseReason,
        Instant since,
        String callId) {
}
