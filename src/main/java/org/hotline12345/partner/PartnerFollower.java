package org.hotline12345.partner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.department.DepartmentView;
import org.hotline12345.intake.IntakeSource;
import org.hotline12345.intake.IntakeState;
import org.hotline12345.intake.OnlineRequestDecided;
import org.hotline12345.workorder.EventType;
import org.hotline12345.workorder.WorkOrderExchange;
import org.hotline12345.workorder.WorkOrderExchange.SharedWorkOrder;
import org.hotline12345.workorder.WorkOrderStatus;
import org.hotline12345.workorder.WorkOrderStepped;

/**
 * Follows the work orders partners share with the hotline and writes what each partner must hear of to the outbox,
 * in the transaction of the step itself (the observers run synchronously inside it): 受理 and 不予受理 from the
 * intake, 转办, the approved 答复, 办结 and 评价 from the work order's steps. Only what the partner may see: the
 * department's name, the approved reply, the rating; never notes, staff or anyone else's data.
 */
@ApplicationScoped
public class PartnerFollower {

    @Inject
    PartnerInbound inbound;

    @Inject
    PartnerOutbox outbox;

    @Inject
    WorkOrderExchange exchange;

    @Inject
    DepartmentDirectory departments;

    @Inject
    PartnerAttachments attachments;

    void decided(@Observes OnlineRequestDecided decision) {
        if (decision.source() != IntakeSource.PARTNER) {
            return;
        }
        for (Object[] sharer : inbound.sharers(decision.number())) {
            long partnerId = ((Number) sharer[0]).longValue();
            String externalId = (String) sharer[1];
            if (decision.state() == IntakeState.REFUSED) {
                outbox.append(partnerId, decision.number(), externalId, PartnerEventType.REFUSED,
                        data("reason", decision.refusalReason()));
                continue;
            }
            outbox.append(partnerId, decision.number(), externalId, PartnerEventType.ACCEPTED, data());
            attachments.attachKept(partnerId, externalId, decision.number());
            if (decision.leadDepartment() != null) {
                outbox.append(partnerId, decision.number(), externalId, PartnerEventType.TRANSFERRED,
                        data("department", decision.leadDepartment()));
            }
        }
    }

    void stepped(@Observes WorkOrderStepped step) {
        PartnerEventType type = typeOf(step);
        if (type == null) {
            return;
        }
        List<Object[]> sharers = inbound.sharers(step.number());
        if (sharers.isEmpty()) {
            return;
        }
        Map<String, Object> data = switch (type) {
            case TRANSFERRED -> data("department", step.leadDepartmentId() == null
                    ? null
                    : departments.byId(step.leadDepartmentId()).map(DepartmentView::name).orElse(null));
            case REPLIED -> data("reply", shared(step.number()).approvedReply());
            case CLOSED -> data("reply", shared(step.number()).approvedReply());
            case RATED -> data("rating", shared(step.number()).rating());
            default -> data();
        };
        for (Object[] sharer : sharers) {
            outbox.append(((Number) sharer[0]).longValue(), step.number(), (String) sharer[1], type, data);
        }
    }

    /** The steps partners hear of; the rest (urging, cards, notes, extensions) stay inside the hotline. */
    static PartnerEventType typeOf(WorkOrderStepped step) {
        EventType event = step.step();
        if (event == EventType.SERVICE_RATED) {
            return PartnerEventType.RATED;
        }
        if (step.status() == WorkOrderStatus.CLOSED) {
            return PartnerEventType.CLOSED;
        }
        return switch (event) {
            case DISPATCHED, REDISPATCHED -> PartnerEventType.TRANSFERRED;
            case REPLY_APPROVED -> PartnerEventType.REPLIED;
            default -> null;
        };
    }

    private SharedWorkOrder shared(String number) {
        return exchange.find(number).orElseThrow();
    }

    static Map<String, Object> data(Object... pairs) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            data.put((String) pairs[i], pairs[i + 1]);
        }
        return data;
    }
}
