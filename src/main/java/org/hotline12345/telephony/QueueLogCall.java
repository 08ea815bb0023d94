package org.hotline12345.telephony;

import static org.hotline12345.common.TextInput.blankToNull;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A queue call as Asterisk's own queue_log tells it (app_queue's events, one row each, and the dialplan's RECORDING
 * row): when it queued and where, who answered after how long, how long they talked and who ended it, whether the
 * caller gave up, the recording. What the service completes a call's record from when it missed the call's events.
 *
 * @param endedAt when the queue was done with the call: talk ended, caller gave up, or the queue let them go
 */
public record QueueLogCall(String callId, String queue, String callerNumber, Instant queuedAt, Instant answeredAt,
        Integer waitSeconds, Integer talkSeconds, String agent, String endedBy, boolean abandoned, Instant endedAt,
        String recording) {

    /** One row of asterisk_queue_log (queue_adaptive_realtime: data1 … data5). */
    public record Row(long id, Instant time, String callId, String queue, String agent, String event,
            List<String> data) {

        String data(int n) {
            return n <= data.size() ? data.get(n - 1) : "";
        }
    }

    /** The calls the rows tell of, in the order they first appear; member events (call id NONE) tell of none. */
    public static Map<String, QueueLogCall> summarise(List<Row> rows) {
        Map<String, QueueLogCall> calls = new LinkedHashMap<>();
        for (Row row : rows) {
            if (row.callId() == null || row.callId().isBlank() || "NONE".equals(row.callId())) {
                continue;
            }
            QueueLogCall call = calls.getOrDefault(row.callId(),
                    new QueueLogCall(row.callId(), null, null, null, null, null, null, null, null, false, null, null));
            calls.put(row.callId(), call.with(row));
        }
        return calls;
    }

    /** Whether the queue was done with the call, so that nothing more will be known of it. */
    public boolean ended() {
        return endedAt != null;
    }

    private QueueLogCall with(Row row) {
        String queueName = blankToNull(row.queue()) != null && !"NONE".equals(row.queue()) ? row.queue() : queue;
        return switch (row.event()) {
            // ENTERQUEUE|url|callerid|position
            case "ENTERQUEUE" -> new QueueLogCall(callId, queueName, blankToNull(row.data(2)), row.time(), answeredAt,
                    waitSeconds, talkSeconds, agent, endedBy, abandoned, endedAt, recording);
            // CONNECT|holdtime|bridged uniqueid|ringtime
            case "CONNECT" -> new QueueLogCall(callId, queueName, callerNumber, queuedAt, row.time(),
                    integer(row.data(1)), talkSeconds, blankToNull(row.agent()), endedBy, false, endedAt, recording);
            // COMPLETECALLER|holdtime|calltime|origposition, COMPLETEAGENT the same
            case "COMPLETECALLER", "COMPLETEAGENT" -> new QueueLogCall(callId, queueName, callerNumber, queuedAt,
                    answeredAt, orElse(waitSeconds, integer(row.data(1))), integer(row.data(2)),
                    orElse(agent, blankToNull(row.agent())),
                    row.event().equals("COMPLETECALLER") ? "caller" : "agent", false, row.time(), recording);
            // BLINDTRANSFER|extension|context|holdtime|calltime|origposition; ATTENDEDTRANSFER|method|…|holdtime|calltime
            case "BLINDTRANSFER", "ATTENDEDTRANSFER" -> new QueueLogCall(callId, queueName, callerNumber, queuedAt,
                    answeredAt, orElse(waitSeconds, integer(row.data(3))), integer(row.data(4)), agent, "transfer",
                    false, row.time(), recording);
            // ABANDON|position|origposition|waittime
            case "ABANDON" -> new QueueLogCall(callId, queueName, callerNumber, queuedAt, answeredAt,
                    integer(row.data(3)), talkSeconds, agent, endedBy, true, row.time(), recording);
            // EXITWITHTIMEOUT|position|origposition|waittime, EXITEMPTY the same, EXITWITHKEY|key|position|…|waittime
            case "EXITWITHTIMEOUT", "EXITEMPTY", "EXITWITHKEY" -> new QueueLogCall(callId, queueName, callerNumber,
                    queuedAt, answeredAt, integer(row.data(row.event().equals("EXITWITHKEY") ? 4 : 3)), talkSeconds,
                    agent, endedBy, abandoned, row.time(), recording);
            // the dialplan's own row (hotline-enqueue): RECORDING|<file relative to the monitor directory>
            case "RECORDING" -> new QueueLogCall(callId, queueName, callerNumber, queuedAt, answeredAt, waitSeconds,
                    talkSeconds, agent, endedBy, abandoned, endedAt, blankToNull(row.data(1)));
            default -> this;
        };
    }

    private static Integer integer(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer orElse(Integer value, Integer otherwise) {
        return value != null ? value : otherwise;
    }

    private static String orElse(String value, String otherwise) {
        return value != null ? value : otherwise;
    }
}
