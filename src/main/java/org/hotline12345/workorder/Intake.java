package org.hotline12345.workorder;

/**
 * What the hotline records when it registers (受理) a request.
 *
 * @param enterpriseRequest 涉企诉求 even without an enterprise named: the caller chose the enterprise line or the agent
 *        marked it
 * @param callId the call it was registered on, or {@code null}
 */
public record Intake(
        Channel channel,
        RequestType requestType,
        Citizen citizen,
        Enterprise enterprise,
        String title,
        String content,
        Location location,
        long categoryId,
        Urgency urgency,
        boolean simple,
        boolean enterpriseRequest,
        String callId) {
}
