package org.hotline12345.workorder;

/** What the hotline records when it registers (受理) a request. */
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
        boolean simple) {
}
