package org.hotline12345.telephony;

import static org.hotline12345.common.TextInput.blankToNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Agents' states from the queues' member events. An agent's state follows from what the phone is doing (ringing, on
 * a call, wrap-up after one) and, when idle, from the pause flag and the phone's reachability, so events may arrive in
 * any interleaving and still leave one answer. Called from the one thread that applies AMI events; read from any.
 */
public final class AgentBoard {

    /** Asterisk's device states as QueueMemberStatus reports them (app_queue's AST_DEVICE_*). */
    static final int DEVICE_NOT_IN_USE = 1, DEVICE_IN_USE = 2, DEVICE_BUSY = 3, DEVICE_INVALID = 4,
            DEVICE_UNAVAILABLE = 5, DEVICE_RINGING = 6, DEVICE_RING_IN_USE = 7, DEVICE_ON_HOLD = 8;

    private enum Activity {
        IDLE, RINGING, ON_CALL, WRAP_UP
    }

    private static final class Member {
        final String device;
        String username;
        /** The queues the phone is a member of, by the Asterisk server that reports it. */
        final Map<String, Set<String>> queuesByServer = new TreeMap<>();
        /** Servers that report the phone unreachable (not registered there). */
        final Set<String> unreachableOn = new TreeSet<>();
        boolean paused;
        String pauseReason;
        Activity activity = Activity.IDLE;
        String callId;
        Instant activitySince;
        AgentStatus published;

        Member(String device) {
            this.device = device;
        }

        /** The queues on any server: behind a SIP load balancer an agent is a member on each. */
        Set<String> queues() {
            Set<String> all = new TreeSet<>();
            queuesByServer.values().forEach(all::addAll);
            return all;
        }

        /** Unreachable only when no server where it is a member reaches the phone. */
        boolean unavailable() {
            return !queuesByServer.isEmpty() && unreachableOn.containsAll(queuesByServer.keySet());
        }

        AgentState state() {
            return switch (activity) {
                case RINGING -> AgentState.RINGING;
                case ON_CALL -> AgentState.ON_CALL;
                case WRAP_UP -> AgentState.WRAP_UP;
                case IDLE -> paused ? AgentState.PAUSED : unavailable() ? AgentState.UNAVAILABLE : AgentState.READY;
            };
        }
    }

    /** One queue member from a QueueStatus answer of one server. */
    public record Membership(String queue, String device, String username, int deviceState, boolean paused,
            String pauseReason) {
    }

    private final Duration wrapUp;
    private final Consumer<AgentStatus> changes;
    private final Map<String, Member> byDevice = new ConcurrentHashMap<>();

    /** @param changes told of every agent whose state, pause reason or queues changed */
    public AgentBoard(Duration wrapUp, Consumer<AgentStatus> changes) {
        this.wrapUp = wrapUp;
        this.changes = changes;
    }

    public void memberAdded(String server, String queue, String device, String username, int deviceState,
            boolean paused, String reason, Instant now) {
        Member member = byDevice.computeIfAbsent(device, Member::new);
        member.username = username;
        member.queuesByServer.computeIfAbsent(server, s -> new TreeSet<>()).add(queue);
        member.paused = paused;
        member.pauseReason = paused ? blankToNull(reason) : null;
        applyDeviceState(server, member, deviceState, now);
        publish(member, now);
    }

    public void memberRemoved(String server, String queue, String device, Instant now) {
        Member member = byDevice.get(device);
        if (member == null) {
            return;
        }
        Set<String> queues = member.queuesByServer.getOrDefault(server, Set.of());
        queues.remove(queue);
        if (queues.isEmpty()) {
            member.queuesByServer.remove(server);
            member.unreachableOn.remove(server);
        }
        if (member.queuesByServer.isEmpty()) {
            byDevice.remove(device);
            changes.accept(new AgentStatus(member.username, device, Set.of(), AgentState.LOGGED_OUT, null, now,
                    null));
        } else {
            publish(member, now);
        }
    }

    public void paused(String device, boolean paused, String reason, Instant now) {
        Member member = byDevice.get(device);
        if (member == null) {
            return;
        }
        member.paused = paused;
        member.pauseReason = paused ? blankToNull(reason) : null;
        publish(member, now);
    }

    /** A QueueMemberStatus from {@code server}: the phone's state changed (or the pause, which it repeats). */
    public void memberStatus(String server, String device, int deviceState, Boolean paused, String reason,
            Instant now) {
        Member member = byDevice.get(device);
        if (member == null) {
            return;
        }
        if (paused != null) {
            member.paused = paused;
            member.pauseReason = paused ? blankToNull(reason) : null;
        }
        applyDeviceState(server, member, deviceState, now);
        publish(member, now);
    }

    public void ringing(String device, String callId, Instant now) {
        activity(device, Activity.RINGING, callId, now);
    }

    public void ringNoAnswer(String device, Instant now) {
        activity(device, Activity.IDLE, null, now);
    }

    public void connected(String device, String callId, Instant now) {
        activity(device, Activity.ON_CALL, callId, now);
    }

    public void completed(String device, Instant now) {
        Member member = byDevice.get(device);
        if (member != null) {
            activity(device, Activity.WRAP_UP, member.callId, now);
        }
    }

    /** Ends wrap-ups that have lasted the queues' wrap-up time. */
    public void tick(Instant now) {
        for (Member member : byDevice.values()) {
            if (member.activity == Activity.WRAP_UP && !member.activitySince.plus(wrapUp).isAfter(now)) {
                activity(member.device, Activity.IDLE, null, now);
            }
        }
    }

    /**
     * Replaces what {@code server} had with what it reports after a (re)connect, once fully booted: its members
     * missing from the report leave its queues (logged out when no other server has them), the members it reports
     * are adopted with their reported state and pause reason.
     */
    public void resynchronise(String server, Collection<Membership> memberships, Instant now) {
        Set<String> present = new TreeSet<>();
        for (Membership m : memberships) {
            present.add(m.device());
        }
        for (Member member : List.copyOf(byDevice.values())) {
            Set<String> queues = member.queuesByServer.get(server);
            if (queues == null) {
                continue;
            }
            if (!present.contains(member.device)) {
                for (String queue : List.copyOf(queues)) {
                    memberRemoved(server, queue, member.device, now);
                }
            } else {
                queues.clear();
            }
        }
        for (Membership m : memberships) {
            memberAdded(server, m.queue(), m.device(), m.username(), m.deviceState(), m.paused(), m.pauseReason(),
                    now);
        }
    }

    /** The servers where {@code device} is a member and reachable: where its phone is registered. */
    public List<String> reachableOn(String device) {
        Member member = byDevice.get(device);
        if (member == null) {
            return List.of();
        }
        return member.queuesByServer.keySet().stream().filter(server -> !member.unreachableOn.contains(server))
                .toList();
    }

    /** The memberships the board holds for {@code device}, by server: what a returning server should have too. */
    public Map<String, Set<String>> membershipsOf(String device) {
        Member member = byDevice.get(device);
        Map<String, Set<String>> copy = new TreeMap<>();
        if (member != null) {
            member.queuesByServer.forEach((server, queues) -> copy.put(server, Set.copyOf(queues)));
        }
        return copy;
    }

    public List<AgentStatus> all() {
        List<AgentStatus> all = new ArrayList<>();
        for (Member member : byDevice.values()) {
            AgentStatus status = member.published;
            if (status != null) {
                all.add(status);
            }
        }
        return all;
    }

    public AgentStatus byUsername(String username) {
        for (Member member : byDevice.values()) {
            if (username.equals(member.username) && member.published != null) {
                return member.published;
            }
        }
        return null;
    }

    private void activity(String device, Activity activity, String callId, Instant now) {
        Member member = byDevice.get(device);
        if (member == null) {
            return;
        }
        member.activity = activity;
        member.callId = callId;
        member.activitySince = now;
        publish(member, now);
    }

    private void applyDeviceState(String server, Member member, int deviceState, Instant now) {
        if (deviceState == DEVICE_INVALID || deviceState == DEVICE_UNAVAILABLE) {
            member.unreachableOn.add(server);
            // another server that reaches the phone tells what it is doing
            if (!member.unavailable()) {
                return;
            }
        } else {
            member.unreachableOn.remove(server);
        }
        switch (deviceState) {
            case DEVICE_RINGING, DEVICE_RING_IN_USE -> {
                if (member.activity == Activity.IDLE) {
                    setActivity(member, Activity.RINGING, now);
                }
            }
            case DEVICE_IN_USE, DEVICE_BUSY, DEVICE_ON_HOLD -> {
                // a queue call ringing at the phone (AgentCalled) rings until AgentConnect: pjsip.conf's
                // device_state_busy_at = 1 makes the ringing phone BUSY already
                boolean queueCallRinging = member.activity == Activity.RINGING && member.callId != null;
                if (member.activity != Activity.ON_CALL && !queueCallRinging) {
                    setActivity(member, Activity.ON_CALL, now);
                }
            }
            case DEVICE_NOT_IN_USE -> {
                if (member.activity == Activity.ON_CALL) {
                    setActivity(member, Activity.WRAP_UP, now);
                } else if (member.activity == Activity.RINGING) {
                    setActivity(member, Activity.IDLE, now);
                }
            }
            default -> {
                // unknown or unavailable: what the phone was doing no longer holds
                if (member.activity != Activity.WRAP_UP) {
                    setActivity(member, Activity.IDLE, now);
                }
            }
        }
    }

    private static void setActivity(Member member, Activity activity, Instant now) {
        member.activity = activity;
        member.activitySince = now;
        if (activity == Activity.IDLE) {
            member.callId = null;
        }
    }

    private void publish(Member member, Instant now) {
        AgentStatus before = member.published;
        AgentState state = member.state();
        Set<String> queues = member.queues();
        if (before != null && before.state() == state && before.queues().equals(queues)
                && Objects.equals(before.pauseReason(), member.pauseReason)
                && Objects.equals(before.callId(), member.callId)
                && Objects.equals(before.username(), member.username)) {
            return;
        }
        Instant since = before != null && before.state() == state ? before.since() : now;
        member.published = new AgentStatus(member.username, member.device, Set.copyOf(queues), state,
                member.pauseReason, since, member.callId);
        changes.accept(member.published);
    }
}
