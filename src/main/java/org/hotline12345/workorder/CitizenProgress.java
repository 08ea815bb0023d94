package org.hotline12345.workorder;

import java.time.Instant;
import java.util.List;

/**
 * A work order as the portal may show it to the citizen who proved they may see it: no notes, staff or other
 * citizens' data. The portal decides from {@link #phone()} and {@link #confidential()} who that is.
 *
 * @param replyDeadline while a department holds it, when its reply is due; otherwise {@code null}
 * @param answer the reply once the hotline approved it (or the answer given on the call); otherwise {@code null}
 * @param steps every event's type and the status it left, in the order they happened; the portal words them
 * @param rateable whether the citizen may rate it now (好差评): a reply was approved
 * @param leadDepartmentName the department responsible, or {@code null}
 */
public record CitizenProgress(String number, Channel channel, RequestType requestType, String title, String content,
        String phone, boolean confidential, WorkOrderStatus status, Instant registeredAt, Instant replyDeadline,
        String answer, List<Step> steps, boolean rateable, Long leadDepartmentId, String leadDepartmentName) {

    public record Step(EventType type, WorkOrderStatus status, Instant at) {
    }
}
