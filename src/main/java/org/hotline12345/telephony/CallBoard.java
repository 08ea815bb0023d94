package org.hotline12345.telephony;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.hotline12345.telephony.CallUpdate.Column;

/**
 * Calls in progress, from queue events and the IVR's reports, and what each event adds to the call's record. Written
 * by the one thread that applies AMI events (the IVR's reports are handed to it); read from any.
 */
public final class CallBoard {

    /** Calls whose hang-up was missed (a disconnect) are forgotten after this. */
    static final Duration FORGET_AFTER = Duration.ofHours(12);

    /** Who hears of what the board learns. */
    public interface Listener {
        /** What an event adds to a call's record. */
        void updated(CallUpdate update);

        /** A queue call rings at an agent. */
        void ringing(Ringing ringing);

        /** A callback the agent asked for rang through or failed. */
        void callbackPlaced(String agentUsername, CallbackOutcome outcome);
    }

    /**
     * A callback asked of Asterisk, waiting for its OriginateResponse and then for the citizen's answer.
     *
     * @param callId the id the service gave the agent's channel (Originate's ChannelId)
     * @param server the Asterisk server asked
     */
    public record PendingCallback(String callId, String server, String workOrderNumber, String number,
            String agentUsername) {
    }

    /** Asterisk's originate reasons (AST_CONTROL_*), as people read them: the agent's phone did not take the call. */
    private static final Map<Integer, String> ORIGINATE_REASONS = Map.of(0, "坐席话机无法呼叫", 1, "坐席挂断", 3,
            "坐席未接听", 5, "坐席话机忙", 8, "线路拥塞");
    /** Dial()'s DIALSTATUS towards the citizen, as people read it. */
    private static final Map<String, String> DIAL_STATUSES = Map.of("BUSY", "对方忙", "NOANSWER", "无人接听",
            "CONGESTION", "线路拥塞", "CHANUNAVAIL", "无法呼叫", "CANCEL", "已取消");

    private final Map<String, LiveCall> calls = new ConcurrentHashMap<>();
    private final Map<String, PendingCallback> pending = new ConcurrentHashMap<>();
    /** Callbacks whose agent answered, waiting for Dial()'s outcome towards the citizen, by call id. */
    private final Map<String, PendingCallback> dialling = new ConcurrentHashMap<>();
    private final Listener listener;
    private final Consumer<CallUpdate> updates;

    public CallBoard(Listener listener) {
        this.listener = listener;
        this.updates = listener::updated;
    }

    /** The IVR saw the call first. */
    public void entered(String callId, String channel, String callerNumber, Instant at) {
        calls.computeIfAbsent(callId, id -> LiveCall.inbound(id, null, channel, callerNumber, at));
        updates.accept(CallUpdate.of(callId, at).set(Column.DIRECTION, CallDirection.INBOUND)
                .set(Column.CHANNEL, channel).set(Column.CALLER_NUMBER, callerNumber));
    }

    public void ivrChoice(String callId, IvrChoice choice, Instant at) {
        LiveCall before = calls.get(callId);
        if (choice == IvrChoice.NONE && before != null && before.ivrChoice() != null
                && before.ivrChoice() != IvrChoice.NONE) {
            // no key after a progress readback: the caller's choice was the key pressed before
            return;
        }
        calls.computeIfPresent(callId, (id, call) -> call.withIvrChoice(choice));
        updates.accept(CallUpdate.of(callId, at).set(Column.IVR_CHOICE, choice));
    }

    public void joined(String server, String callId, String channel, String callerNumber, String queue, Instant at) {
        LiveCall call = calls.computeIfAbsent(callId, id -> LiveCall.inbound(id, server, channel, callerNumber, at));
        calls.put(callId, call.onServer(server).inQueue(queue, channel, callerNumber, at));
        updates.accept(CallUpdate.of(callId, at).set(Column.DIRECTION, CallDirection.INBOUND)
                .set(Column.CHANNEL, channel).set(Column.CALLER_NUMBER, callerNumber).set(Column.QUEUE, queue)
                .set(Column.QUEUED_AT, at));
    }

    public void agentCalled(String callId, String callerNumber, String queue, String agentUsername, Instant at) {
        LiveCall call = calls.get(callId);
        IvrChoice choice = call == null ? null : call.ivrChoice();
        String number = call == null || call.callerNumber() == null ? callerNumber : call.callerNumber();
        listener.ringing(new Ringing(callId, number, queue, choice, agentUsername, at));
    }

    public void connected(String callId, String agentUsername, String device, String agentChannel,
            Long holdSeconds, Instant at) {
        LiveCall call = calls.computeIfPresent(callId,
                (id, live) -> live.answeredBy(agentUsername, device, agentChannel, at));
        updates.accept(CallUpdate.of(callId, at).set(Column.ANSWERED_AT, at).set(Column.WAIT_SECONDS, holdSeconds)
                .set(Column.AGENT_USERNAME, agentUsername).set(Column.AGENT_CHANNEL, agentChannel)
                .set(Column.RECORDING_FILE, call == null ? null : call.recording()));
    }

    /**
     * @param reason who ended the talk: {@code caller}, {@code agent} or {@code transfer}; after a transfer to an
     *        emergency service the talk had already ended then, and what Asterisk counts on is the caller's time with
     *        110
     */
    public void completed(String callId, Long talkSeconds, String reason, Instant at) {
        LiveCall call = calls.get(callId);
        if (call != null && call.transferredAt() != null) {
            return;
        }
        updates.accept(CallUpdate.of(callId, at).set(Column.TALK_SECONDS, talkSeconds).set(Column.ENDED_BY, reason));
    }

    /** The caller hung up while waiting: no talk, and so no recording (MixMonitor's file holds only a header). */
    public void abandoned(String callId, Integer holdSeconds, Instant at) {
        calls.computeIfPresent(callId, (id, call) -> call.leftQueue());
        updates.accept(CallUpdate.of(callId, at).set(Column.ABANDONED, true).set(Column.WAIT_SECONDS, holdSeconds));
    }

    /** The caller left the queue: answered, abandoned or timed out. */
    public void left(String callId) {
        calls.computeIfPresent(callId, (id, call) -> call.leftQueue());
    }

    /**
     * Dial() ended on a channel. For a callback whose agent answered, it is the citizen's answer: connected with
     * {@code ANSWER}, else busy, no answer and so on; other channels' dials (the queue ringing agents) say nothing
     * here.
     */
    public void dialEnded(String callId, String dialStatus, Instant at) {
        PendingCallback callback = dialling.remove(callId);
        if (callback == null) {
            return;
        }
        boolean answered = "ANSWER".equalsIgnoreCase(dialStatus);
        LiveCall call = answered
                ? calls.computeIfPresent(callId, (id, live) -> live.answeredBy(null, null, live.agentChannel(), at))
                : calls.get(callId);
        updates.accept(CallUpdate.of(callId, at).set(Column.DIAL_STATUS, dialStatus.toUpperCase(Locale.ROOT))
                .set(Column.ANSWERED_AT, answered ? at : null)
                .set(Column.RECORDING_FILE, answered && call != null ? call.recording() : null));
        listener.callbackPlaced(callback.agentUsername(), new CallbackOutcome(callback.workOrderNumber(), answered,
                callId, answered ? null : DIAL_STATUSES.getOrDefault(dialStatus.toUpperCase(Locale.ROOT), "呼叫失败")));
    }

    public void hungUp(String callId, Instant at) {
        LiveCall call = calls.remove(callId);
        if (call == null) {
            return;
        }
        CallUpdate update = CallUpdate.of(callId, at).set(Column.ENDED_AT, at);
        if (call.direction() == CallDirection.OUTBOUND && call.talking()) {
            update.set(Column.TALK_SECONDS, Duration.between(call.answeredAt(), at).toSeconds());
        }
        updates.accept(update);
        PendingCallback callback = dialling.remove(callId);
        if (callback != null) {
            // the agent's channel ended without dialling the citizen (a number the dialplan does not route)
            listener.callbackPlaced(callback.agentUsername(),
                    new CallbackOutcome(callback.workOrderNumber(), false, callId, "呼叫失败"));
        }
    }

    /**
     * MixMonitor's file for the call, as the dialplan announces it before the call is answered. It is the call's
     * recording once someone answered; a call abandoned in the queue or a callback nobody took has none.
     */
    public void recording(String server, String callId, String file, Instant at) {
        // in one step with the call's other changes: a callback's answer (dialEnded) may be handled at the same time,
        // and a read-then-write here lost either the answer or the file
        LiveCall call = calls.compute(callId,
                (id, live) -> (live != null ? live : LiveCall.inbound(id, server, null, null, at)).withRecording(file));
        if (call.talking()) {
            updates.accept(CallUpdate.of(callId, at).set(Column.RECORDING_FILE, file));
        }
    }

    /** A callback was asked of Asterisk under this action id; its outcome arrives as an OriginateResponse. */
    public void expectCallback(String actionId, PendingCallback callback) {
        pending.put(actionId, callback);
    }

    /**
     * Asterisk's answer to a callback: the agent's phone answered and the citizen is being dialled (the outcome
     * follows with Dial's end), or the agent's phone did not take it. Either way the attempt is a call of the work
     * order, as the callback rules count attempts.
     */
    public void originated(String actionId, String channel, boolean success, Integer reason, Instant at) {
        PendingCallback callback = pending.remove(actionId);
        if (callback == null) {
            return;
        }
        String id = callback.callId();
        if (success) {
            // the dialplan runs once the agent answers, so its HotlineRecording may have come first: keep the file
            LiveCall placed = LiveCall.outbound(id, callback.server(), channel, callback.number(),
                    callback.agentUsername(), at);
            calls.merge(id, placed, (early, fresh) -> early.recording() == null
                    ? fresh
                    : fresh.withRecording(early.recording()));
            dialling.put(id, callback);
        }
        updates.accept(CallUpdate.of(id, at).set(Column.DIRECTION, CallDirection.OUTBOUND)
                .set(Column.CHANNEL, channel).set(Column.CALLED_NUMBER, callback.number())
                .set(Column.AGENT_USERNAME, callback.agentUsername()).set(Column.ENDED_AT, success ? null : at)
                .linkTo(callback.workOrderNumber(), callback.agentUsername()));
        if (!success) {
            listener.callbackPlaced(callback.agentUsername(), new CallbackOutcome(callback.workOrderNumber(), false,
                    id, ORIGINATE_REASONS.getOrDefault(reason, "呼叫失败")));
        }
    }

    /**
     * The agent's call was sent to 110, 119, 120 or 122: the talk with the agent ends here, and the transfer is how
     * it ended, whatever Asterisk reports when the caller later hangs up on the emergency service.
     */
    public void transferred(String callId, String target, String by, Instant at) {
        LiveCall call = calls.computeIfPresent(callId, (id, live) -> live.transferred(at));
        updates.accept(CallUpdate.of(callId, at).set(Column.TRANSFERRED_TO, target).set(Column.TRANSFERRED_AT, at)
                .set(Column.TRANSFERRED_BY, by).set(Column.ENDED_BY, "transfer")
                .set(Column.TALK_SECONDS, call == null || !call.talking()
                        ? null
                        : Math.max(0, Duration.between(call.answeredAt(), at).toSeconds())));
    }

    public void consulted(String callId, String number, Instant at) {
        updates.accept(CallUpdate.of(callId, at).set(Column.CONSULTED_NUMBER, number));
    }

    /**
     * After a (re)connect to {@code server}: callers it reports waiting stay waiting, its others no longer wait;
     * calls whose hang-up was missed long ago are forgotten.
     */
    public void resynchronise(String server, Collection<String> waitingCallIds, Instant now) {
        Set<String> waiting = Set.copyOf(waitingCallIds);
        calls.replaceAll((id, call) -> call.waiting() && !waiting.contains(id)
                && (call.server() == null || call.server().equals(server)) ? call.leftQueue() : call);
        calls.values().removeIf(call -> call.startedAt().plus(FORGET_AFTER).isBefore(now));
    }

    public LiveCall get(String callId) {
        return calls.get(callId);
    }

    /** The call an agent is talking on, if any. */
    public LiveCall talkingWith(String agentUsername) {
        return calls.values().stream().filter(call -> call.talking() && agentUsername.equals(call.agentUsername()))
                .max(Comparator.comparing(LiveCall::answeredAt)).orElse(null);
    }

    /** Callers waiting, by queue, longest-waiting first. */
    public Map<String, List<LiveCall>> waitingByQueue() {
        return calls.values().stream().filter(LiveCall::waiting)
                .sorted(Comparator.comparing(LiveCall::queuedAt))
                .collect(Collectors.groupingBy(LiveCall::queue, Collectors.toList()));
    }

    public int size() {
        return calls.size();
    }
}
