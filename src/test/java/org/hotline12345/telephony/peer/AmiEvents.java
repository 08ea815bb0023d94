package org.hotline12345.telephony.peer;

import java.util.List;

import org.hotline12345.telephony.peer.FakeAsterisk.Packet;

/**
 * Event packets as Asterisk 22 writes them for calls through a queue: the same event names, header names and order,
 * and value formats (channel snapshots, Dest-prefixed snapshots of the agent's channel, queue member blobs), so that
 * Asterisk-Java builds the same event objects from them as from a real Asterisk.
 * <p>
 * Times are whole seconds, except AgentRingNoAnswer's RingTime which app_queue sends in milliseconds.
 */
public final class AmiEvents {

    /** Device states of a queue member's {@code Status}. */
    public static final int NOT_INUSE = 1;
    public static final int INUSE = 2;
    /** What a ringing phone reports with pjsip.conf's {@code device_state_busy_at = 1}. */
    public static final int BUSY = 3;
    public static final int UNAVAILABLE = 5;
    public static final int RINGING = 6;

    private static final String[] STATE_NAMES = {"Down", "Rsrvd", "OffHook", "Dialing", "Ring", "Ringing", "Up",
            "Busy", "Dialing Offhook", "Pre-ring"};

    private AmiEvents() {
    }

    /** A channel as an event describes it (Asterisk's channel snapshot). */
    public record Channel(String name, int state, String callerIdNum, String callerIdName, String connectedLineNum,
            String connectedLineName, String language, String accountCode, String context, String exten, int priority,
            String uniqueId, String linkedId) {

        /** A caller from the trunk, up and waiting in the hotline's dialplan. */
        public static Channel caller(String name, String uniqueId, String number) {
            return new Channel(name, 6, number, "<unknown>", "<unknown>", "<unknown>", "zh", "", "hotline", "12345",
                    3, uniqueId, uniqueId);
        }

        /** An agent's phone the queue rings for {@code caller}; its number is taken from the channel name. */
        public static Channel agent(String name, String uniqueId, Channel caller) {
            String number = name.substring(name.indexOf('/') + 1).replaceFirst("-[^-]*$", "");
            return new Channel(name, 5, number, "<unknown>", caller.callerIdNum(), caller.callerIdName(), "zh", "",
                    "hotline-agents", number, 1, uniqueId, caller.linkedId());
        }

        public Channel withState(int newState) {
            return new Channel(name, newState, callerIdNum, callerIdName, connectedLineNum, connectedLineName,
                    language, accountCode, context, exten, priority, uniqueId, linkedId);
        }

        String stateName() {
            return state >= 0 && state < STATE_NAMES.length ? STATE_NAMES[state] : "Unknown";
        }

        private String[] snapshot(String prefix) {
            return new String[]{prefix + "Channel", name, prefix + "ChannelState", String.valueOf(state),
                    prefix + "ChannelStateDesc", stateName(), prefix + "CallerIDNum", callerIdNum,
                    prefix + "CallerIDName", callerIdName, prefix + "ConnectedLineNum", connectedLineNum,
                    prefix + "ConnectedLineName", connectedLineName, prefix + "Language", language,
                    prefix + "AccountCode", accountCode, prefix + "Context", context, prefix + "Exten", exten,
                    prefix + "Priority", String.valueOf(priority), prefix + "Uniqueid", uniqueId,
                    prefix + "Linkedid", linkedId};
        }
    }

    /** A queue member: the queue, its interface (also its state interface) and its name. */
    public record Member(String queue, String iface, String name) {
    }

    /** The events of a call that joins the queue, rings {@code agent}, is answered and ends by the caller. */
    public static List<Packet> answeredCall(Channel caller, Channel agent, Member member, long holdSeconds,
            long talkSeconds) {
        Channel up = agent.withState(6);
        return List.of(newchannel(caller), queueCallerJoin(caller, member.queue(), 1, 1),
                newchannel(agent.withState(0)), agentCalled(caller, agent, member),
                queueCallerLeave(caller, member.queue(), 1, 0), agentConnect(caller, up, member, holdSeconds, 0),
                agentComplete(caller, up, member, holdSeconds, talkSeconds, "caller"),
                hangup(caller, 16, "Normal Clearing"),
                hangup(up, 16, "Normal Clearing"));
    }

    /** The events of a call that joins the queue, rings {@code agent} without answer and hangs up. */
    public static List<Packet> abandonedCall(Channel caller, Channel agent, Member member, long holdSeconds) {
        return List.of(newchannel(caller), queueCallerJoin(caller, member.queue(), 1, 1),
                newchannel(agent.withState(0)), agentCalled(caller, agent, member),
                agentRingNoAnswer(caller, agent, member, 15_000), hangup(agent, 19, "No user responding"),
                queueCallerAbandon(caller, member.queue(), 1, 1, holdSeconds),
                queueCallerLeave(caller, member.queue(), 1, 0), hangup(caller, 16, "Normal Clearing"));
    }

    public static Packet newchannel(Channel channel) {
        return event("Newchannel", "call,all").with(channel.snapshot(""));
    }

    public static Packet hangup(Channel channel, int cause, String causeText) {
        return event("Hangup", "call,all").with(channel.snapshot("")).with("Cause", String.valueOf(cause),
                "Cause-txt", causeText);
    }

    public static Packet queueCallerJoin(Channel caller, String queue, int position, int count) {
        return event("QueueCallerJoin", "agent,all").with(caller.snapshot("")).with("Queue", queue, "Position",
                String.valueOf(position), "Count", String.valueOf(count));
    }

    public static Packet queueCallerLeave(Channel caller, String queue, int position, int count) {
        return event("QueueCallerLeave", "agent,all").with(caller.snapshot("")).with("Queue", queue, "Count",
                String.valueOf(count), "Position", String.valueOf(position));
    }

    public static Packet queueCallerAbandon(Channel caller, String queue, int position, int originalPosition,
            long holdSeconds) {
        return event("QueueCallerAbandon", "agent,all").with(caller.snapshot("")).with("Queue", queue, "Position",
                String.valueOf(position), "OriginalPosition", String.valueOf(originalPosition), "HoldTime",
                String.valueOf(holdSeconds));
    }

    public static Packet agentCalled(Channel caller, Channel agent, Member member) {
        return agentEvent("AgentCalled", caller, agent, member);
    }

    public static Packet agentRingNoAnswer(Channel caller, Channel agent, Member member, long ringMillis) {
        return agentEvent("AgentRingNoAnswer", caller, agent, member).with("RingTime", String.valueOf(ringMillis));
    }

    public static Packet agentConnect(Channel caller, Channel agent, Member member, long holdSeconds,
            long ringSeconds) {
        return agentEvent("AgentConnect", caller, agent, member).with("RingTime", String.valueOf(ringSeconds),
                "HoldTime", String.valueOf(holdSeconds));
    }

    /** {@code reason}: caller, agent or transfer. */
    public static Packet agentComplete(Channel caller, Channel agent, Member member, long holdSeconds,
            long talkSeconds, String reason) {
        return agentEvent("AgentComplete", caller, agent, member).with("HoldTime", String.valueOf(holdSeconds),
                "TalkTime", String.valueOf(talkSeconds), "Reason", reason);
    }

    public static Packet queueMemberAdded(Member member) {
        return memberEvent("QueueMemberAdded", member, NOT_INUSE, false, "", false);
    }

    public static Packet queueMemberRemoved(Member member) {
        return memberEvent("QueueMemberRemoved", member, NOT_INUSE, false, "", false);
    }

    /** The reason only as PausedReason: the Reason header went in Asterisk 18. */
    public static Packet queueMemberPause(Member member, boolean paused, String reason) {
        return memberEvent("QueueMemberPause", member, NOT_INUSE, paused, reason, false);
    }

    public static Packet queueMemberStatus(Member member, int status, boolean paused, boolean inCall) {
        return queueMemberStatus(member, status, paused, "", inCall);
    }

    /** A paused member's status repeats its pause reason. */
    public static Packet queueMemberStatus(Member member, int status, boolean paused, String pausedReason,
            boolean inCall) {
        return memberEvent("QueueMemberStatus", member, status, paused, pausedReason, inCall);
    }

    /** Sent at login once Asterisk is booted, or to every session when it finishes booting. */
    public static Packet fullyBooted(long uptimeSeconds) {
        String uptime = String.valueOf(uptimeSeconds);
        return event("FullyBooted", "system,all").with("Uptime", uptime, "LastReload", uptime, "Status",
                "Fully Booted");
    }

    /** Dial() on {@code caller} starts ringing {@code callee}. */
    public static Packet dialBegin(Channel caller, Channel callee, String dialString) {
        return event("DialBegin", "call,all").with(caller.snapshot("")).with(callee.snapshot("Dest"))
                .with("DialString", dialString);
    }

    /** Dial() on {@code caller} ends: ANSWER, BUSY, NOANSWER, CONGESTION, CHANUNAVAIL, CANCEL. */
    public static Packet dialEnd(Channel caller, Channel callee, String dialStatus) {
        return event("DialEnd", "call,all").with(caller.snapshot("")).with(callee.snapshot("Dest"))
                .with("DialStatus", dialStatus);
    }

    /**
     * What Asterisk reports of a callback placed by an async Originate: the agent's phone answered
     * ({@code OriginateResponse} Success), then the dialplan dialled the citizen's line, which ended with
     * {@code dialStatus} (ANSWER, BUSY, NOANSWER …). Only that dial says whether the citizen was reached.
     */
    public static List<Packet> callbackDialled(Packet originate, String dialStatus) {
        String uniqueId = originate.get("ChannelId");
        String dialled = originate.get("Exten");
        Channel agent = new Channel(originate.get("Channel") + "-" + uniqueId, 6, "12345", "12345", dialled,
                "<unknown>", "zh", "", "hotline-outbound", dialled, 1, uniqueId, uniqueId);
        Channel citizen = new Channel("PJSIP/carrier-" + uniqueId, "ANSWER".equals(dialStatus) ? 6 : 0, dialled,
                "<unknown>", "12345", "12345", "zh", "", "from-trunk", "s", 1, uniqueId + "-carrier", uniqueId);
        return List.of(originateResponse(originate, "Success", 4, uniqueId),
                dialBegin(agent, citizen, dialled + "@carrier"), dialEnd(agent, citizen, dialStatus));
    }

    /**
     * A UserEvent raised by the dialplan on {@code channel}, e.g. {@code UserEvent(HotlineRecording,Recording: ...)}.
     */
    public static Packet userEvent(Channel channel, String name, String... keyValues) {
        return event("UserEvent", "user,all").with(channel.snapshot("")).with("UserEvent", name).with(keyValues);
    }

    /** The hotline dialplan's announcement of a finished MixMonitor recording. */
    public static Packet hotlineRecording(Channel channel, String file) {
        return userEvent(channel, "HotlineRecording", "Recording", file);
    }

    /** A QueueParams entry of a QueueStatus list (for {@link FakeAsterisk#queueStatus}). */
    public static Packet queueParams(String queue, int calls, int completed, int abandoned) {
        return Packet.of("Event", "QueueParams", "Queue", queue, "Max", "0", "Strategy", "rrmemory", "Calls",
                String.valueOf(calls), "Holdtime", "12", "TalkTime", "95", "Completed", String.valueOf(completed),
                "Abandoned", String.valueOf(abandoned), "ServiceLevel", "20", "ServicelevelPerf", "80.0",
                "ServicelevelPerf2", "75.0", "Weight", "0");
    }

    /** A QueueMember entry of a QueueStatus list. */
    public static Packet queueMember(Member member, int status, boolean paused, String pausedReason) {
        return Packet.of("Event", "QueueMember", "Queue", member.queue(), "Name", member.name(), "Location",
                member.iface(), "StateInterface", member.iface(), "Membership", "dynamic", "Penalty", "0",
                "CallsTaken", "3", "LastCall", "1700000300", "LastPause", paused ? "1700000400" : "0", "LoginTime",
                "1700000000", "InCall", "0", "Status", String.valueOf(status), "Paused", paused ? "1" : "0",
                "PausedReason", pausedReason, "Wrapuptime", "0");
    }

    /** A QueueEntry entry of a QueueStatus list: a caller waiting. */
    public static Packet queueEntry(String queue, int position, Channel caller, long waitSeconds) {
        return Packet.of("Event", "QueueEntry", "Queue", queue, "Position", String.valueOf(position), "Channel",
                caller.name(), "Uniqueid", caller.uniqueId(), "CallerIDNum", caller.callerIdNum(), "CallerIDName",
                caller.callerIdName(), "ConnectedLineNum", caller.connectedLineNum(), "ConnectedLineName",
                caller.connectedLineName(), "Wait", String.valueOf(waitSeconds), "Priority", "0");
    }

    /**
     * The OriginateResponse of an async Originate, with its ActionID. {@code reason}: 4 answered, 5 busy, 3 no
     * answer, 8 congestion, 0 failed; {@code response}: Success or Failure.
     */
    public static Packet originateResponse(Packet originate, String response, int reason, String uniqueId) {
        Packet event = event("OriginateResponse", "call,all");
        if (originate.get("ActionID") != null) {
            event = event.with("ActionID", originate.get("ActionID"));
        }
        return event.with("Response", response, "Channel", valueOr(originate.get("Channel"), ""), "Context",
                valueOr(originate.get("Context"), ""), "Exten", valueOr(originate.get("Exten"), ""), "Application",
                valueOr(originate.get("Application"), ""), "Data", valueOr(originate.get("Data"), ""), "Reason",
                String.valueOf(reason), "Uniqueid", uniqueId, "CallerIDNum", "<unknown>", "CallerIDName",
                "<unknown>");
    }

    private static Packet event(String name, String privilege) {
        return Packet.of("Event", name, "Privilege", privilege);
    }

    private static Packet agentEvent(String name, Channel caller, Channel agent, Member member) {
        return event(name, "agent,all").with(caller.snapshot("")).with(agent.snapshot("Dest")).with("Queue",
                member.queue(), "MemberName", member.name(), "Interface", member.iface());
    }

    private static Packet memberEvent(String name, Member member, int status, boolean paused, String pausedReason,
            boolean inCall) {
        return event(name, "agent,all").with("Queue", member.queue(), "MemberName", member.name(), "Interface",
                member.iface(), "StateInterface", member.iface(), "Membership", "dynamic", "Penalty", "0",
                "CallsTaken", "0", "LastCall", "0", "LastPause", paused ? "1700000400" : "0", "LoginTime",
                "1700000000", "InCall", inCall ? "1" : "0", "Status", String.valueOf(status), "Paused",
                paused ? "1" : "0", "PausedReason", pausedReason, "Ringinuse", "0", "Wrapuptime", "0");
    }

    private static String valueOr(String value, String otherwise) {
        return value != null ? value : otherwise;
    }
}
