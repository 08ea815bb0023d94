package org.hotline12345.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hotline12345.telephony.QueueLogCall.Row;
import org.junit.jupiter.api.Test;

/** Calls told by queue_log rows as app_queue 22 and the hotline dialplan write them (adaptive columns). */
class QueueLogCallTest {

    private static final Instant T0 = Instant.parse("2026-12-07T02:00:00Z");
    private final List<Row> rows = new ArrayList<>();

    @Test
    void anAnsweredCallHasItsQueueCallerWaitAgentTalkAndRecording() {
        row(0, "1765072800.12", "hotline", "NONE", "ENTERQUEUE", "", "13900000001", "1");
        row(0, "1765072800.12", "hotline", "NONE", "RECORDING", "2026/12/07/1765072800.12.wav");
        row(0, "NONE", "hotline", "agent", "ADDMEMBER", "");
        row(4, "1765072800.12", "hotline", "agent", "RINGNOANSWER", "4000");
        row(9, "1765072800.12", "hotline", "agent", "CONNECT", "9", "1765072809.14", "2");
        row(69, "1765072800.12", "hotline", "agent", "COMPLETEAGENT", "9", "60", "1");

        Map<String, QueueLogCall> calls = QueueLogCall.summarise(rows);
        assertThat(calls).containsOnlyKeys("1765072800.12");
        QueueLogCall call = calls.get("1765072800.12");
        assertThat(call.queue()).isEqualTo("hotline");
        assertThat(call.callerNumber()).isEqualTo("13900000001");
        assertThat(call.queuedAt()).isEqualTo(T0);
        assertThat(call.answeredAt()).isEqualTo(T0.plusSeconds(9));
        assertThat(call.waitSeconds()).isEqualTo(9);
        assertThat(call.agent()).isEqualTo("agent");
        assertThat(call.talkSeconds()).isEqualTo(60);
        assertThat(call.endedBy()).isEqualTo("agent");
        assertThat(call.abandoned()).isFalse();
        assertThat(call.endedAt()).isEqualTo(T0.plusSeconds(69));
        assertThat(call.recording()).isEqualTo("2026/12/07/1765072800.12.wav");
        assertThat(call.ended()).isTrue();
    }

    @Test
    void anAbandonedCallHasItsWaitAndNoTalk() {
        row(0, "c2", "business-desk", "NONE", "ENTERQUEUE", "", "13900000002", "1");
        row(25, "c2", "business-desk", "NONE", "ABANDON", "1", "1", "25");
        QueueLogCall call = QueueLogCall.summarise(rows).get("c2");
        assertThat(call.abandoned()).isTrue();
        assertThat(call.waitSeconds()).isEqualTo(25);
        assertThat(call.answeredAt()).isNull();
        assertThat(call.talkSeconds()).isNull();
        assertThat(call.endedAt()).isEqualTo(T0.plusSeconds(25));
    }

    @Test
    void aCallStillTalkingIsNotEndedAndATransferredOneEndsByTheTransfer() {
        row(0, "c3", "hotline", "NONE", "ENTERQUEUE", "", "139", "1");
        row(3, "c3", "hotline", "agent", "CONNECT", "3", "c4", "1");
        assertThat(QueueLogCall.summarise(rows).get("c3").ended()).isFalse();
        row(20, "c3", "hotline", "agent", "BLINDTRANSFER", "110", "hotline-emergency", "3", "17", "1");
        QueueLogCall call = QueueLogCall.summarise(rows).get("c3");
        assertThat(call.endedBy()).isEqualTo("transfer");
        assertThat(call.talkSeconds()).isEqualTo(17);
    }

    @Test
    void aCallerTheQueueLetGoAfterItsTimeoutIsNeitherAnsweredNorAbandoned() {
        row(0, "c5", "hotline", "NONE", "ENTERQUEUE", "", "139", "1");
        row(3600, "c5", "hotline", "NONE", "EXITWITHTIMEOUT", "1", "1", "3600");
        QueueLogCall call = QueueLogCall.summarise(rows).get("c5");
        assertThat(call.abandoned()).isFalse();
        assertThat(call.answeredAt()).isNull();
        assertThat(call.waitSeconds()).isEqualTo(3600);
        assertThat(call.ended()).isTrue();
    }

    private void row(int second, String callId, String queue, String agent, String event, String... data) {
        rows.add(new Row(rows.size() + 1, T0.plusSeconds(second), callId, queue, agent, event, List.of(data)));
    }
}
