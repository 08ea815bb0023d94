package org.hotline12345.portal;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.department.DepartmentView;
import org.hotline12345.sms.SmsKind;
import org.hotline12345.sms.SmsQueue;
import org.hotline12345.workorder.Channel;
import org.hotline12345.workorder.EventType;
import org.hotline12345.workorder.WorkOrderStatus;
import org.hotline12345.workorder.WorkOrderStepped;

/**
 * Texts the citizens who submitted on the portal their request's progress: 转办 when it is dispatched after being
 * registered, 答复 with the invitation to rate once the hotline approved the reply, 办结 when it closes. Queued in the
 * step's transaction, so a text goes out exactly when its step is committed.
 */
@ApplicationScoped
public class PortalNotices {

    @Inject
    ExtractionCodes portalRequests;

    @Inject
    SmsQueue sms;

    @Inject
    DepartmentDirectory departments;

    @Inject
    PortalService portal;

    void stepped(@Observes WorkOrderStepped step) {
        if (step.channel() != Channel.WEB) {
            return;
        }
        SmsKind kind = kindOf(step);
        if (kind == null) {
            return;
        }
        portalRequests.phoneOf(step.number()).ifPresent(phone -> {
            String number = step.number();
            switch (kind) {
                case DISPATCHED -> sms.queue(kind, phone, Map.of("number", number, "department",
                        departments.byId(step.leadDepartmentId()).map(DepartmentView::name).orElse("承办单位")), number);
                case REPLIED -> {
                    sms.queue(kind, phone, Map.of("number", number, "link", portal.progressLink()), number);
                    sms.queue(SmsKind.RATING_INVITATION, phone,
                            Map.of("number", number, "link", portal.ratingLink(number)), number);
                }
                default -> sms.queue(kind, phone, Map.of("number", number), number);
            }
        });
    }

    private static SmsKind kindOf(WorkOrderStepped step) {
        if (step.step() == EventType.DISPATCHED && step.leadDepartmentId() != null) {
            return SmsKind.DISPATCHED;
        }
        if (step.step() == EventType.REPLY_APPROVED) {
            return SmsKind.REPLIED;
        }
        if (step.status() == WorkOrderStatus.CLOSED
                && (step.step() == EventType.CALLBACK_RECORDED || step.step() == EventType.CLOSED)) {
            return SmsKind.CLOSED;
        }
        return null;
    }
}
