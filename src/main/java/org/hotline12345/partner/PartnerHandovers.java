package org.hotline12345.partner;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
import org.hotline12345.telephony.CallControl;
import org.hotline12345.workorder.WorkOrderExchange;
import org.hotline12345.workorder.WorkOrderExchange.SharedWorkOrder;

/**
 * The hotline hands a work order to a partner: to 110 as a 警单 (危及人身安全, 治安), or to the provincial platform
 * for another city (转外地). The partner receives it as a {@code HANDED_OVER} event with what it needs to act (the
 * citizen, the place, the call it came from), then every later step of the work order as any partner does; what it
 * reports back (its 受理, its result) lands on the work order's history. A 警单 handed over while the agent is still
 * on the call takes the call with it in the same step ({@link HandoverCall}): the caller is transferred to 110, or 110
 * is called into a three-way call, and the event says so, so that 110's desk matches the ringing call to the 警单.
 */
@ApplicationScoped
public class PartnerHandovers {

    private static final String POLICE_NUMBER = "110";
    private static final Map<HandoverCall, String> CALL_STEP_SUMMARY = Map.of(HandoverCall.NONE, "",
            HandoverCall.TRANSFER, "，来电转接 110", HandoverCall.THREE_WAY, "，与 110 三方通话");

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
    CallControl calls;

    @Inject
    Clock clock;

    /** Who may hand work orders over: the hotline's agents and supervisors. */
    public static boolean mayHandOver(Actor actor) {
        return actor.isHotline();
    }

    /**
     * What the work order's page offers for 转 110 / 转外地.
     *
     * @param callSteps what may be done with the call: all three while the viewer has the call in hand, else none
     * @param preselected the step chosen unless the agent changes it: the transfer, while the call is in hand
     */
    public record Options(List<Caller> targets, List<HandoverCall> callSteps, HandoverCall preselected) {
    }

    /** The page's choices, or none where the viewer may not hand this work order over (closed, not the hotline). */
    public Optional<Options> options(String number, Actor actor) {
        if (!mayHandOver(actor)) {
            return Optional.empty();
        }
        SharedWorkOrder order = exchange.find(number).orElse(null);
        List<Caller> targets = order == null || order.closed() ? List.of() : partners.handoverTargets();
        if (targets.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(calls.inHand(order.callId(), actor)
                ? new Options(targets, List.of(HandoverCall.TRANSFER, HandoverCall.THREE_WAY, HandoverCall.NONE),
                        HandoverCall.TRANSFER)
                : new Options(targets, List.of(), HandoverCall.NONE));
    }

    @Transactional
    public void handOver(String number, Handover request, Actor actor) {
        if (!mayHandOver(actor)) {
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
        HandoverCall step = request.callStep();
        boolean police = partner.kind() == PartnerKind.POLICE_110;
        if (step != HandoverCall.NONE && !police) {
            throw InvalidFieldException.unacceptable("call", "policeOnly", "只有转 110 时可以转接来电或发起三方通话");
        }
        if (step != HandoverCall.NONE && order.callId() == null) {
            throw InvalidFieldException.unacceptable("call", "linkedCall",
                    "工单 " + number + " 不是从来电登记的，没有可转接的通话");
        }
        Instant now = clock.instant();
        int inserted = entityManager.createNativeQuery("""
                insert into partner_work_order (partner_id, external_id, number, direction, body_hash, created_at)
                values (?1, ?2, ?2, 'HANDED_OVER', '', ?3) on conflict do nothing""")
                .setParameter(1, partner.id()).setParameter(2, number).setParameter(3, now).executeUpdate();
        if (inserted == 0) {
            throw new ConflictException("工单 " + number + " 已转给 " + partner.name());
        }
        Map<String, Object> data = PartnerFollower.data("kind", police ? "警单" : "转外地", "requestType",
                order.requestType().name(), "title", order.title(), "content", order.content(), "citizen",
                PartnerFollower.data("name", order.citizenName(), "phone", order.phone()), "location",
                PartnerFollower.data("district", order.district(), "street", order.street(), "address",
                        order.address()),
                "category", order.categoryName(), "registeredAt", order.registeredAt().toString(), "note",
                request.note(), "callId", order.callId(), "call", step == HandoverCall.NONE
                        ? null
                        : PartnerFollower.data("id", order.callId(), "step", step.name(), "to", POLICE_NUMBER));
        outbox.append(partner.id(), number, number, PartnerEventType.HANDED_OVER, data);
        // the partner is shown the citizen in full: the access record of personal data says so
        reads.shown(new PersonalDataReads.Reader("partner:" + partner.code(), "合作方"),
                new PersonalDataReads.Purpose(AccessChannel.API, "POST /api/work-order-handovers/" + number),
                List.of(new PersonalDataReads.Shown(number, false)));
        exchange.recordPartnerExchange(number, police
                ? "转 110（警单）" + CALL_STEP_SUMMARY.get(step)
                : "转外地（" + partner.name() + "）", request.note(), now);
        // last, so that a call that cannot be taken (ended meanwhile, not this agent's) leaves no 警单 behind
        switch (step) {
            case TRANSFER -> calls.transfer(order.callId(), POLICE_NUMBER, actor);
            case THREE_WAY -> calls.consult(order.callId(), POLICE_NUMBER, actor);
            case NONE -> {
            }
        }
    }
}
