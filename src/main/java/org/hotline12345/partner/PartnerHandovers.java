package org.hotline12345.partner;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hotline12345.access.AccessChannel;
import org.hotline12345.access.PersonalDataReads;
import org.hotline12345.common.ActionForbiddenException;
import org.hotline12345.common.ConflictException;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.common.ResourceNotFoundException;
import org.hotline12345.partner.PartnerViews.Caller;
import org.hotline12345.partner.PartnerViews.Handover;
import org.hotline12345.security.Actor;
import org.hotline12345.workorder.WorkOrderExchange;
import org.hotline12345.workorder.WorkOrderExchange.SharedWorkOrder;

/**
 * The hotline hands a work order to a partner: to 110 as a 警单 (危及人身安全, 治安), or to the provincial platform
 * for another city (转外地). The partner receives it as a {@code HANDED_OVER} event with what it needs to act (the
 * citizen, the place, the id of the call it came from, which the agent transfers to 110 from the desktop), then
 * every later step of
 * the work order as any partner does; what it reports back (its 受理, its result) lands on the work order's history.
 */
@ApplicationScoped
public class PartnerHandovers {

    @Inject
    EntityManager entityManager;

    @Inject
    PartnerService partners;

    @Inject
    PartnerOutbox outbox;

    @Inject
    WorkOrderExchange exchange;

    @Inject
    PersonalDataReads reads;

    @Inject
    Clock clock;

    @Transactional
    public void handOver(String number, Handover request, Actor actor) {
        if (!actor.isHotline()) {
            throw new ActionForbiddenException("只有热线坐席和班长可以转 110 或转外地");
        }
        Caller partner = partners.byCode(request.partnerCode().strip());
        if (!partner.kind().takesHandovers()) {
            throw InvalidFieldException.unacceptable("partnerCode", "takesHandovers",
                    partner.name() + " 不接收转办的工单（只有 110 和省级平台接收）");
        }
        SharedWorkOrder order = exchange.find(number).orElseThrow(() -> new ResourceNotFoundException("工单", number));
        if (order.closed()) {
            throw new ConflictException("工单 " + number + " 已办结，不能再转出");
        }
        Instant now = clock.instant();
        int inserted = entityManager.createNativeQuery("""
                insert into partner_work_order (partner_id, external_id, number, direction, body_hash, created_at)
                values (?1, ?2, ?2, 'HANDED_OVER', '', ?3) on conflict do nothing""")
                .setParameter(1, partner.id()).setParameter(2, number).setParameter(3, now).executeUpdate();
        if (inserted == 0) {
            throw new ConflictException("工单 " + number + " 已转给 " + partner.name());
        }
        boolean police = partner.kind() == PartnerKind.POLICE_110;
        Map<String, Object> data = PartnerFollower.data("kind", police ? "警单" : "转外地", "requestType",
                order.requestType().name(), "title", order.title(), "content", order.content(), "citizen",
                PartnerFollower.data("name", order.citizenName(), "phone", order.phone()), "location",
                PartnerFollower.data("district", order.district(), "street", order.street(), "address",
                        order.address()),
                "category", order.categoryName(), "registeredAt", order.registeredAt().toString(), "note",
                request.note(), "callId", order.callId());
        outbox.append(partner.id(), number, number, PartnerEventType.HANDED_OVER, data);
        // the partner is shown the citizen in full: the access record of personal data says so
        reads.shown(new PersonalDataReads.Reader("partner:" + partner.code(), "合作方"),
                new PersonalDataReads.Purpose(AccessChannel.API, "POST /api/work-order-handovers/" + number),
                List.of(new PersonalDataReads.Shown(number, false)));
        exchange.recordPartnerExchange(number, police ? "转 110（警单）" : "转外地（" + partner.name() + "）",
                request.note(), now);
    }
}
