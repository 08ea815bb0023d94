package org.hotline12345.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hotline12345.telephony.CallBoard.PendingCallback;
import org.hotline12345.telephony.CallUpdate.Column;
import org.junit.jupiter.api.Test;

class CallBoardTest {

    private static final Instant T0 = Instant.parse("2026-11-24T01:00:00Z");
    private static final String PBX = "pbx1";

    private final List<CallUpdate> updates = new ArrayList<>();
    private final List<Ringing> ringings = new ArrayList<>();
    private final List<CallbackOutcome> callbacks = new ArrayList<>();
    private final CallBoard board = new CallBoard(new CallBoard.Listener() {
        @Override
        public void updated(CallUpdate update) {
            updates.add(update);
        }

        @Override
        public void ringing(Ringing ringing) {
            ringings.add(ringing);
        }

        @Override
        public void callbackPlaced(String agentUsername, CallbackOutcome outcome) {
            callbacks.add(outcome);
        }
    });

    @Test
    void anAnsweredCallLeavesARecordOfEveryStep() {
        board.entered("c1", "PJSIP/trunk-1", "13800000001", T0);
        board.ivrChoice("c1", IvrChoice.ENTERPRISE, T0.plusSeconds(5));
        board.joined(PBX, "c1", "PJSIP/trunk-1", "13800000001", "business-desk", T0.plusSeconds(6));
        board.agentCalled("c1", "13800000001", "business-desk", "desk", T0.plusSeconds(7));
        board.connected("c1", "desk", "PJSIP/1005", "PJSIP/1005-01", 4L, T0.plusSeconds(10));
        board.completed("c1", 95L, "caller", T0.plusSeconds(105));
        board.hungUp("c1", T0.plusSeconds(105));

        assertThat(ringings).singleElement().satisfies(ringing -> {
            assertThat(ringing.ivrChoice()).isEqualTo(IvrChoice.ENTERPRISE);
            assertThat(ringing.agentUsername()).isEqualTo("desk");
            assertThat(ringing.callerNumber()).isEqualTo("13800000001");
        });
        Map<Column, Object> record = merged("c1");
        assertThat(record).containsEntry(Column.DIRECTION, "INBOUND").containsEntry(Column.IVR_CHOICE, "ENTERPRISE")
                .containsEntry(Column.QUEUE, "business-desk").containsEntry(Column.QUEUED_AT, T0.plusSeconds(6))
                .containsEntry(Column.ANSWERED_AT, T0.plusSeconds(10)).containsEntry(Column.WAIT_SECONDS, 4L)
                .containsEntry(Column.AGENT_USERNAME, "desk").containsEntry(Column.TALK_SECONDS, 95L)
                .containsEntry(Column.ENDED_BY, "caller").containsEntry(Column.ENDED_AT, T0.plusSeconds(105))
                .doesNotContainKey(Column.ABANDONED);
        assertThat(board.size()).isZero();
    }

    @Test
    void waitingCallersAreListedByQueueLongestFirstUntilTheyLeave() {
        board.joined(PBX, "late", "PJSIP/trunk-2", "138", "hotline", T0.plusSeconds(20));
        board.joined(PBX, "early", "PJSIP/trunk-3", "139", "hotline", T0);
        board.joined(PBX, "desk", "PJSIP/trunk-4", "137", "business-desk", T0.plusSeconds(5));

        assertThat(board.waitingByQueue().get("hotline")).extracting(LiveCall::callId).containsExactly("early",
                "late");
        board.abandoned("early", 30, T0.plusSeconds(30));
        board.left("desk");

        assertThat(board.waitingByQueue()).containsOnlyKeys("hotline");
        assertThat(merged("early")).containsEntry(Column.ABANDONED, true).containsEntry(Column.WAIT_SECONDS, 30);
    }

    @Test
    void theCallAnAgentTalksOnIsFoundForTransfers() {
        board.joined(PBX, "c2", "PJSIP/trunk-5", "138", "hotline", T0);
        assertThat(board.talkingWith("agent")).isNull();
        board.connected("c2", "agent", "PJSIP/1001", "PJSIP/1001-02", 3L, T0.plusSeconds(3));
        assertThat(board.talkingWith("agent")).satisfies(call -> {
            assertThat(call.channel()).isEqualTo("PJSIP/trunk-5");
            assertThat(call.agentChannel()).isEqualTo("PJSIP/1001-02");
            assertThat(call.waiting()).isFalse();
        });
        board.transferred("c2", "110", "agent", T0.plusSeconds(40));
        assertThat(merged("c2")).containsEntry(Column.TRANSFERRED_TO, "110").containsEntry(Column.TRANSFERRED_BY,
                "agent");
    }

    @Test
    void aCallbackIsConnectedWhenTheCitizenAnswersNotWhenTheAgentDoes() {
        board.expectCallback("a1", new PendingCallback("cb-1", PBX, "20261124-000001", "13800000002", "agent"));
        board.originated("a1", "PJSIP/1001-03", true, 4, T0);
        board.recording(PBX, "cb-1", "2026/11/24/cb-1.wav", T0.plusMillis(10));
        assertThat(callbacks).as("the agent's phone answered; the citizen's line rings").isEmpty();
        CallUpdate placed = updates.get(0);
        assertThat(placed.links()).extracting(CallUpdate.Link::workOrderNumber).containsExactly("20261124-000001");
        assertThat(placed.values()).containsEntry(Column.DIRECTION, "OUTBOUND")
                .containsEntry(Column.CALLED_NUMBER, "13800000002").doesNotContainKey(Column.ANSWERED_AT)
                .doesNotContainKey(Column.ENDED_AT);

        board.dialEnded("cb-1", "ANSWER", T0.plusSeconds(6));
        board.hungUp("cb-1", T0.plusSeconds(66));

        assertThat(callbacks).singleElement().satisfies(outcome -> {
            assertThat(outcome.connected()).isTrue();
            assertThat(outcome.callId()).isEqualTo("cb-1");
        });
        assertThat(merged("cb-1")).containsEntry(Column.ANSWERED_AT, T0.plusSeconds(6))
                .containsEntry(Column.DIAL_STATUS, "ANSWER").containsEntry(Column.TALK_SECONDS, 60L)
                .containsEntry(Column.RECORDING_FILE, "2026/11/24/cb-1.wav")
                .containsEntry(Column.ENDED_AT, T0.plusSeconds(66));
    }

    @Test
    void aCallbacksRecordingAnnouncedBeforeAsteriskSaysTheOriginateSucceededIsKept() {
        // the dialplan runs as soon as the agent answers: its HotlineRecording event may overtake OriginateResponse
        board.expectCallback("a5", new PendingCallback("cb-5", PBX, "20261124-000005", "13800000005", "agent"));
        board.recording(PBX, "cb-5", "2026/11/24/cb-5.wav", T0);
        board.originated("a5", "PJSIP/1001-09", true, 4, T0.plusMillis(5));
        board.dialEnded("cb-5", "ANSWER", T0.plusSeconds(6));
        board.hungUp("cb-5", T0.plusSeconds(36));

        assertThat(merged("cb-5")).containsEntry(Column.RECORDING_FILE, "2026/11/24/cb-5.wav")
                .containsEntry(Column.DIAL_STATUS, "ANSWER").containsEntry(Column.TALK_SECONDS, 30L);
    }

    @Test
    void aCallbackToABusyLineIsNotConnectedAndHasNoRecording() {
        board.expectCallback("a3", new PendingCallback("cb-3", PBX, "20261124-000003", "13800000486", "agent"));
        board.originated("a3", "PJSIP/1001-06", true, 4, T0);
        board.recording(PBX, "cb-3", "2026/11/24/cb-3.wav", T0.plusMillis(10));
        board.dialEnded("cb-3", "BUSY", T0.plusSeconds(2));
        board.hungUp("cb-3", T0.plusSeconds(7));

        assertThat(callbacks).singleElement().satisfies(outcome -> {
            assertThat(outcome.connected()).isFalse();
            assertThat(outcome.reason()).isEqualTo("对方忙");
        });
        assertThat(merged("cb-3")).containsEntry(Column.DIAL_STATUS, "BUSY").doesNotContainKey(Column.ANSWERED_AT)
                .doesNotContainKey(Column.RECORDING_FILE).doesNotContainKey(Column.TALK_SECONDS)
                .containsEntry(Column.ENDED_AT, T0.plusSeconds(7));
    }

    @Test
    void aCallbackWhoseAgentLegEndsWithoutDiallingFails() {
        board.expectCallback("a4", new PendingCallback("cb-4", PBX, "20261124-000004", "13800000004", "agent"));
        board.originated("a4", "PJSIP/1001-07", true, 4, T0);
        board.hungUp("cb-4", T0.plusSeconds(1));
        assertThat(callbacks).singleElement().satisfies(outcome -> {
            assertThat(outcome.connected()).isFalse();
            assertThat(outcome.reason()).isEqualTo("呼叫失败");
        });
    }

    @Test
    void aFailedCallbackSaysWhyAndStillCountsAsAnAttempt() {
        board.expectCallback("a2", new PendingCallback("cb-2", PBX, "20261124-000002", "13800000003", "agent"));
        board.originated("a2", "PJSIP/1001-04", false, 3, T0);
        board.originated("a2", "PJSIP/1001-04", false, 3, T0);
        board.originated("unknown", "PJSIP/1001-05", true, 4, T0);

        assertThat(callbacks).singleElement().satisfies(outcome -> {
            assertThat(outcome.connected()).isFalse();
            assertThat(outcome.reason()).isEqualTo("坐席未接听");
        });
        assertThat(updates).singleElement().satisfies(update -> {
            assertThat(update.values()).containsEntry(Column.ENDED_AT, T0).doesNotContainKey(Column.ANSWERED_AT);
            assertThat(update.links()).hasSize(1);
        });
        assertThat(board.size()).isZero();
    }

    @Test
    void aRecordingIsTheCallsOnlyOnceAnAgentAnswered() {
        board.recording(PBX, "lost", "2026/11/24/lost.wav", T0);
        board.joined(PBX, "lost", "PJSIP/trunk-8", "138", "hotline", T0.plusMillis(5));
        board.abandoned("lost", 12, T0.plusSeconds(12));
        board.hungUp("lost", T0.plusSeconds(12));
        assertThat(merged("lost")).doesNotContainKey(Column.RECORDING_FILE).containsEntry(Column.ABANDONED, true);

        board.recording(PBX, "taken", "2026/11/24/taken.wav", T0);
        board.joined(PBX, "taken", "PJSIP/trunk-9", "139", "hotline", T0.plusMillis(5));
        assertThat(merged("taken")).doesNotContainKey(Column.RECORDING_FILE);
        board.connected("taken", "agent", "PJSIP/1001", "PJSIP/1001-08", 3L, T0.plusSeconds(3));
        assertThat(merged("taken")).containsEntry(Column.RECORDING_FILE, "2026/11/24/taken.wav");
        assertThat(board.get("taken").channel()).isEqualTo("PJSIP/trunk-9");
    }

    @Test
    void aTransferTo110EndsTheTalkWithTheAgentThenAndThere() {
        board.joined(PBX, "t1", "PJSIP/trunk-10", "138", "hotline", T0);
        board.connected("t1", "agent", "PJSIP/1001", "PJSIP/1001-09", 2L, T0.plusSeconds(2));
        board.transferred("t1", "110", "agent", T0.plusSeconds(6));
        // Asterisk counts the caller's time with 110 as talk, ended by the caller
        board.completed("t1", 13L, "caller", T0.plusSeconds(15));
        board.hungUp("t1", T0.plusSeconds(15));
        assertThat(merged("t1")).containsEntry(Column.TALK_SECONDS, 4L).containsEntry(Column.ENDED_BY, "transfer")
                .containsEntry(Column.TRANSFERRED_BY, "agent").containsEntry(Column.ENDED_AT, T0.plusSeconds(15));
    }

    @Test
    void resynchronisingKeepsOnlyTheCallersAsteriskStillHasWaiting() {
        board.joined(PBX, "stays", "PJSIP/trunk-6", "138", "hotline", T0);
        board.joined(PBX, "gone", "PJSIP/trunk-7", "139", "hotline", T0);
        board.resynchronise(PBX, List.of("stays"), T0.plusSeconds(60));
        assertThat(board.waitingByQueue().get("hotline")).extracting(LiveCall::callId).containsExactly("stays");

        board.resynchronise(PBX, List.of("stays"), T0.plus(CallBoard.FORGET_AFTER).plusSeconds(1));
        assertThat(board.size()).isZero();
    }

    private Map<Column, Object> merged(String callId) {
        return updates.stream().filter(update -> update.callId().equals(callId)).reduce(CallUpdate::merge)
                .orElseThrow().values();
    }
}
