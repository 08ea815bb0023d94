package org.hotline12345.workorder;

import java.time.Instant;

/**
 * A work order as the other features see it at one moment: in the events of its steps, and from
 * {@link WorkOrderReads}. A record, so that no feature outside this package holds (or changes) the entity.
 *
 * @param leadDepartmentId the department responsible now, or {@code null}
 * @param originCallId the call during which it was registered, or {@code null}
 * @param enterprise the enterprise it names, or {@code null}
 * @param channel where the request came in
 */
public record WorkOrderSnapshot(long id, String number, String title, WorkOrderStatus status, Citizen citizen,
        Instant registeredAt, String registeredBy, String originCallId, boolean enterpriseRequest,
        Enterprise enterprise, Long leadDepartmentId, String acceptLimit, Instant acceptDeadline, String replyLimit,
        Instant replyDeadline, Instant repliedAt, String reply, Channel channel) {

    static WorkOrderSnapshot of(WorkOrder order) {
        return new WorkOrderSnapshot(order.getId(), order.getNumber(), order.getTitle(), order.getStatus(),
                order.getCitizen(), order.getRegisteredAt(), order.getRegisteredBy(), order.getOriginCallId(),
                order.isEnterpriseRequest(), order.getEnterprise(), order.getLeadDepartmentId(),
                order.getAcceptLimit(), order.getAcceptDeadline(), order.getReplyLimit(), order.getReplyDeadline(),
                order.getRepliedAt(), order.getReply(), order.getChannel());
    }
}
