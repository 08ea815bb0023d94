package org.hotline12345.telephony;

import java.time.Clock;
import java.time.Instant;

import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.AgentRingNoAnswerEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.QueueCallerAbandonEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.asteriskjava.manager.event.QueueCallerLeaveEvent;
import org.asteriskjava.manager.event.QueueMemberAddedEvent;
import org.asteriskjava.manager.event.QueueMemberPauseEvent;
import org.asteriskjava.manager.event.QueueMemberPausedEvent;
import org.asteriskjava.manager.event.QueueMemberRemovedEvent;
import org.asteriskjava.manager.event.QueueMemberStatusEvent;

/**
 * Applies Asterisk's events to the boards of calls and agents. Events the hotline does not follow are ignored; events
 * missing what they should carry are skipped rather than guessed at.
 */
public final class AmiEventRouter {

    private final CallBoard calls;
    private final AgentBoard agents;
    private final Clock clock;

    public AmiEventRouter(CallBoard calls, AgentBoard agents, Clock clock) {
        this.calls = calls;
        this.agents = agents;
        this.clock = clock;
    }

    /** Applies an event that {@code server} sent. */
    public void apply(String server, ManagerEvent event) {
        Instant at = timeOf(event);
        if (event instanceof QueueCallerJoinEvent join) {
            if (join.getUniqueId() != null && join.getQueue() != null) {
                calls.joined(server, join.getUniqueId(), join.getChannel(), join.getCallerIdNum(), join.getQueue(), at);
            }
        } else if (event instanceof AgentCalledEvent called) {
            if (called.getUniqueId() != null && called.getInterface() != null) {
                calls.agentCalled(called.getUniqueId(), called.getCallerIdNum(), called.getQueue(),
                        called.getMemberName(), at);
                agents.ringing(called.getInterface(), called.getUniqueId(), at);
            }
        } else if (event instanceof AgentRingNoAnswerEvent noAnswer) {
            if (noAnswer.getInterface() != null) {
                agents.ringNoAnswer(noAnswer.getInterface(), at);
            }
        } else if (event instanceof AgentConnectEvent connect) {
            if (connect.getUniqueId() != null) {
                calls.connected(connect.getUniqueId(), connect.getMemberName(), connect.getInterface(),
                        connect.getDestChannel(), connect.getHoldTime(), at);
                if (connect.getInterface() != null) {
                    agents.connected(connect.getInterface(), connect.getUniqueId(), at);
                }
            }
        } else if (event instanceof AgentCompleteEvent complete) {
            if (complete.getUniqueId() != null) {
                calls.completed(complete.getUniqueId(), complete.getTalkTime(), complete.getReason(), at);
                if (complete.getInterface() != null) {
                    agents.completed(complete.getInterface(), at);
                }
            }
        } else if (event instanceof QueueCallerAbandonEvent abandon) {
            if (abandon.getUniqueId() != null) {
                calls.abandoned(abandon.getUniqueId(), abandon.getHoldTime(), at);
            }
        } else if (event instanceof QueueCallerLeaveEvent leave) {
            if (leave.getUniqueId() != null) {
                calls.left(leave.getUniqueId());
            }
        } else if (event instanceof DialEndEvent dialEnd) {
            if (dialEnd.getUniqueId() != null && dialEnd.getDialStatus() != null) {
                calls.dialEnded(dialEnd.getUniqueId(), dialEnd.getDialStatus(), at);
            }
        } else if (event instanceof HangupEvent hangup) {
            if (hangup.getUniqueId() != null) {
                calls.hungUp(hangup.getUniqueId(), at);
            }
        } else if (event instanceof HotlineRecordingEvent recording) {
            if (recording.getUniqueId() != null && recording.getRecording() != null) {
                calls.recording(server, recording.getUniqueId(), recording.getRecording(), at);
            }
        } else if (event instanceof OriginateResponseEvent originate) {
            if (originate.getActionId() != null) {
                calls.originated(originate.getActionId(), originate.getChannel(),
                        "Success".equalsIgnoreCase(originate.getResponse()), originate.getReason(), at);
            }
        } else if (event instanceof QueueMemberAddedEvent added) {
            if (added.getInterface() != null && added.getQueue() != null) {
                agents.memberAdded(server, added.getQueue(), added.getInterface(), added.getMemberName(),
                        orZero(added.getStatus()), Boolean.TRUE.equals(added.getPaused()), added.getPausedReason(),
                        at);
            }
        } else if (event instanceof QueueMemberRemovedEvent removed) {
            if (removed.getInterface() != null && removed.getQueue() != null) {
                agents.memberRemoved(server, removed.getQueue(), removed.getInterface(), at);
            }
        } else if (event instanceof QueueMemberPausedEvent paused) {
            if (paused.getInterface() != null && paused.getPaused() != null) {
                agents.paused(paused.getInterface(), paused.getPaused(), pauseReason(paused), at);
            }
        } else if (event instanceof QueueMemberStatusEvent status) {
            if (status.getInterface() != null && status.getStatus() != null) {
                agents.memberStatus(server, status.getInterface(), status.getStatus(), status.getPaused(),
                        status.getPausedreason(), at);
            }
        }
    }

    /**
     * The reason of a pause. Asterisk 22's QueueMemberPause carries it as PausedReason only (the Reason header went in
     * Asterisk 18), which Asterisk-Java puts in {@link QueueMemberPauseEvent#getPausedreason()}; older Asterisks sent
     * QueueMemberPaused with Reason.
     */
    static String pauseReason(QueueMemberPausedEvent event) {
        if (event instanceof QueueMemberPauseEvent pause && pause.getPausedreason() != null
                && !pause.getPausedreason().isBlank()) {
            return pause.getPausedreason();
        }
        if (event.getPausedReason() != null && !event.getPausedReason().isBlank()) {
            return event.getPausedReason();
        }
        return event.getReason();
    }

    /** Asterisk's own time of the event ({@code timestampevents=yes}), else when it arrived. */
    private Instant timeOf(ManagerEvent event) {
        Double timestamp = event.getTimestamp();
        if (timestamp != null) {
            return Instant.ofEpochSecond(timestamp.longValue(),
                    Math.round((timestamp - timestamp.longValue()) * 1_000_000) * 1_000);
        }
        return clock.instant();
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
