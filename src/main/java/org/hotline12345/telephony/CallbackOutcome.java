package org.hotline12345.telephony;

/**
 * What became of a callback (回访) the agent placed from a work order.
 *
 * @param callId the attempt's call record, also when it could not be placed
 * @param reason why it failed, as Asterisk's originate reason says it (busy, no answer, …)
 */
public record CallbackOutcome(String workOrderNumber, boolean connected, String callId, String reason) {
}
