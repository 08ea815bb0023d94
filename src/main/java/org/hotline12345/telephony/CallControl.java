package org.hotline12345.telephony;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotline12345.common.ActionForbiddenException;
import org.hotline12345.common.ConflictException;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.common.ResourceNotFoundException;
import org.hotline12345.security.Actor;
import org.hotline12345.telephony.CallBoard.PendingCallback;
import org.hotline12345.telephony.TelephonyViews.CallbackPlaced;
import org.hotline12345.user.Role;
import org.hotline12345.workorder.WorkOrderService;
import org.hotline12345.workorder.WorkOrderViews;

/**
 * What agents and supervisors do with calls: transfer a caller to 110/119/120/122 (the 12345–110 linkage), bring a
 * department's expert into a three-way consultation, listen in, and call a citizen back from a work order.
 */
@ApplicationScoped
public class CallControl {

    /** The emergency numbers a hotline call may be handed to. */
    public static final Set<String> TRANSFER_TARGETS = Set.of("110", "119", "120", "122");

    @Inject
    Switchboard switchboard;

    @Inject
    AmiActions actions;

    @Inject
    AmiClient ami;

    @Inject
    AgentService agents;

    @Inject
    WorkOrderService workOrders;

    @Inject
    TelephonyConfig config;

    @Inject
    Clock clock;

    /** Blind transfer: the caller goes to the emergency service; the agent's leg ends. */
    public void transfer(String callId, String target, Actor actor) {
        if (!TRANSFER_TARGETS.contains(target)) {
            throw InvalidFieldException.unacceptable("target", "oneOf",
                    "“" + target + "”不是可转接的号码：只能转 110、119、120 或 122");
        }
        LiveCall call = talkingCall(callId, actor);
        actions.redirect(serverOf(call), call.channel(), null, config.dialplan().emergencyContext(), target);
        Instant now = clock.instant();
        switchboard.run(() -> switchboard.calls().transferred(callId, target, actor.username(), now));
    }

    /**
     * 三方通话: caller and agent move into a conference room, and the third party is called into it: a department's
     * expert through the trunk, or 110/119/120/122 through the emergency context when it is unclear who should take
     * the matter (the agent stays on the line until it is settled).
     */
    public void consult(String callId, String number, Actor actor) {
        LiveCall call = talkingCall(callId, actor);
        if (call.agentChannel() == null) {
            throw new ConflictException("通话 " + callId + " 没有坐席一方，无法发起三方通话");
        }
        String room = callId.replaceAll("\\D", "");
        TelephonyConfig.Dialplan dialplan = config.dialplan();
        String server = serverOf(call);
        String context = TRANSFER_TARGETS.contains(number) ? dialplan.emergencyContext() : dialplan.outboundContext();
        actions.redirect(server, call.channel(), call.agentChannel(), dialplan.consultContext(), room);
        actions.originate(server, "consult-" + UUID.randomUUID(), null, "Local/" + number + "@" + context,
                dialplan.consultContext(), room,
                dialplan.callerId(), dialplan.originateTimeout().toMillis(), Map.of("HOTLINE_CALL_ID", callId));
        Instant now = clock.instant();
        switchboard.run(() -> switchboard.calls().consulted(callId, number, now));
    }

    /** Rings the supervisor's phone and lets them hear the agent's call without being heard (ChanSpy). */
    public void listen(String callId, String extension, Actor actor) {
        if (actor.role() != Role.SUPERVISOR) {
            throw new ActionForbiddenException("只有班长可以监听通话");
        }
        LiveCall call = liveCall(callId);
        if (!call.talking() || call.agentChannel() == null) {
            throw new ConflictException("通话 " + callId + " 尚未由坐席接起，无法监听");
        }
        String phone = extension != null && !extension.isBlank()
                ? extension
                : agents.extensionOf(actor.username()).orElseThrow(() -> InvalidFieldException.unacceptable(
                        "extension", "NotBlank", "请填写要振铃的分机，或先在话机签入"));
        // ChanSpy listens on the server the call is on: the supervisor's phone is rung from there
        actions.originateApplication(serverOf(call), agents.device(phone), "ChanSpy", call.agentChannel() + ",qE",
                "\"监听\" <" + config.dialplan().callerId() + ">", config.dialplan().originateTimeout().toMillis());
    }

    /**
     * 回访 by click-to-call: rings the agent's phone and, once answered, dials the citizen; the attempt is linked to
     * the work order and its outcome pushed to the agent's page.
     */
    public CallbackPlaced callback(String workOrderNumber, Actor actor) {
        if (!actor.isHotline()) {
            throw new ActionForbiddenException("只有热线坐席和班长可以回访市民");
        }
        WorkOrderViews.Detail order = workOrders.get(workOrderNumber, actor);
        return callBack(order.citizen().phone(), order.number(), actor);
    }

    /**
     * Rings the agent's phone and, once answered, dials {@code phone}: a callback's own call, linked to the work order
     * when it is about one ({@code workOrderNumber} may be {@code null}, as for a missed call called back). Its outcome
     * is pushed to the agent's page.
     */
    public CallbackPlaced callBack(String phone, String workOrderNumber, Actor actor) {
        String extension = agents.extensionOf(actor.username()).orElseThrow(() -> new ConflictException(
                "您尚未在话机签入：请先在坐席工作台签入分机"));
        String number = phone.replaceAll("\\D", "");
        String callId = "cb-" + UUID.randomUUID();
        String actionId = "callback-" + UUID.randomUUID();
        String device = agents.device(extension);
        // the server the agent's phone is registered at
        String server = ami.serverFor(switchboard.read((calls, board) -> board.reachableOn(device)));
        PendingCallback pending = new PendingCallback(callId, server, workOrderNumber, number, actor.username());
        // registered before asking, so the answer cannot overtake it on the board's thread
        switchboard.run(() -> switchboard.calls().expectCallback(actionId, pending));
        TelephonyConfig.Dialplan dialplan = config.dialplan();
        actions.originate(server, actionId, callId, device, dialplan.outboundContext(), number,
                "\"12345回访\" <" + dialplan.callerId() + ">", dialplan.originateTimeout().toMillis(),
                workOrderNumber == null
                        ? Map.of("HOTLINE_CALL_KIND", "missed-call")
                        : Map.of("HOTLINE_WORK_ORDER", workOrderNumber, "HOTLINE_CALL_KIND", "callback"));
        return new CallbackPlaced(callId, workOrderNumber, extension);
    }

    /** Whether the call is answered and the actor may act on it (theirs, or any for a supervisor). */
    public boolean inHand(String callId, Actor actor) {
        LiveCall call = callId == null ? null : switchboard.read((calls, board) -> calls.get(callId));
        return call != null && call.talking() && mayAct(call, actor);
    }

    private static boolean mayAct(LiveCall call, Actor actor) {
        return actor.role() == Role.SUPERVISOR || actor.username().equals(call.agentUsername());
    }

    private String serverOf(LiveCall call) {
        return ami.serverFor(call.server() == null ? List.of() : List.of(call.server()));
    }

    private LiveCall talkingCall(String callId, Actor actor) {
        LiveCall call = liveCall(callId);
        if (!call.talking()) {
            throw new ConflictException("通话 " + callId + " 尚未接通：仍在队列 " + call.queue() + " 中等待");
        }
        if (!mayAct(call, actor)) {
            throw new ActionForbiddenException("通话 " + callId + " 由 " + call.agentUsername() + " 接听，不是您的通话");
        }
        return call;
    }

    private LiveCall liveCall(String callId) {
        LiveCall call = switchboard.read((calls, board) -> calls.get(callId));
        if (call == null) {
            throw new ResourceNotFoundException("通话", callId);
        }
        return call;
    }
}
