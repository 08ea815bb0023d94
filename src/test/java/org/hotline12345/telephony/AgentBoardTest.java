package org.hotline12345.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline12345.telephony.AgentBoard.DEVICE_BUSY;
import static org.hotline12345.telephony.AgentBoard.DEVICE_IN_USE;
import static org.hotline12345.telephony.AgentBoard.DEVICE_NOT_IN_USE;
import static org.hotline12345.telephony.AgentBoard.DEVICE_RINGING;
import static org.hotline12345.telephony.AgentBoard.DEVICE_UNAVAILABLE;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class AgentBoardTest {

    private static final Instant T0 = Instant.parse("2026-11-24T01:00:00Z");
    private static final String PHONE = "PJSIP/1001";
    private static final String PBX = "pbx1";

    private final List<AgentStatus> changes = new ArrayList<>();
    private final AgentBoard board = new AgentBoard(Duration.ofSeconds(10), changes::add);

    @Test
    void aCallTakesTheAgentFromReadyThroughRingingAndTalkToWrapUpAndBack() {
        board.memberAdded(PBX, "hotline", PHONE, "agent", DEVICE_NOT_IN_USE, false, "", T0);
        board.ringing(PHONE, "1700.1", T0.plusSeconds(1));
        board.connected(PHONE, "1700.1", T0.plusSeconds(4));
        board.completed(PHONE, T0.plusSeconds(64));
        board.tick(T0.plusSeconds(73));
        AgentState beforeWrapUpEnds = board.byUsername("agent").state();
        board.tick(T0.plusSeconds(74));

        assertThat(beforeWrapUpEnds).isEqualTo(AgentState.WRAP_UP);
        assertThat(changes).extracting(AgentStatus::state).containsExactly(AgentState.READY, AgentState.RINGING,
                AgentState.ON_CALL, AgentState.WRAP_UP, AgentState.READY);
        assertThat(changes.get(2).callId()).isEqualTo("1700.1");
        assertThat(changes.get(2).since()).isEqualTo(T0.plusSeconds(4));
        assertThat(changes.get(4).callId()).isNull();
    }

    @Test
    void aQueueCallRingingAtAPhoneAsteriskReportsBusyStaysRingingUntilAnswered() {
        board.memberAdded(PBX, "hotline", PHONE, "agent", DEVICE_NOT_IN_USE, false, "", T0);
        board.ringing(PHONE, "1700.2", T0.plusSeconds(1));
        // device_state_busy_at = 1 (pjsip.conf): Asterisk 22 reports the ringing phone BUSY a millisecond later
        board.memberStatus(PBX, PHONE, DEVICE_BUSY, false, "", T0.plusMillis(1001));
        assertThat(board.byUsername("agent").state()).isEqualTo(AgentState.RINGING);

        board.connected(PHONE, "1700.2", T0.plusSeconds(3));
        assertThat(board.byUsername("agent").state()).isEqualTo(AgentState.ON_CALL);
    }

    @Test
    void aPhoneRungOutsideTheQueuesIsOnACallOnceAnswered() {
        board.memberAdded(PBX, "hotline", PHONE, "agent", DEVICE_NOT_IN_USE, false, "", T0);
        board.memberStatus(PBX, PHONE, DEVICE_RINGING, false, "", T0.plusSeconds(1));
        assertThat(board.byUsername("agent").state()).isEqualTo(AgentState.RINGING);
        board.memberStatus(PBX, PHONE, DEVICE_BUSY, false, "", T0.plusSeconds(3));
        assertThat(board.byUsername("agent").state()).isEqualTo(AgentState.ON_CALL);
    }

    @Test
    void aPausedAgentKeepsTheReasonAndComesBackPausedAfterACall() {
        board.memberAdded(PBX, "hotline", PHONE, "agent", DEVICE_NOT_IN_USE, false, null, T0);
        board.paused(PHONE, true, "培训", T0.plusSeconds(5));
        assertThat(board.byUsername("agent")).satisfies(status -> {
            assertThat(status.state()).isEqualTo(AgentState.PAUSED);
            assertThat(status.pauseReason()).isEqualTo("培训");
        });

        board.connected(PHONE, "out-1", T0.plusSeconds(10));
        board.completed(PHONE, T0.plusSeconds(20));
        board.tick(T0.plusSeconds(31));
        assertThat(board.byUsername("agent").state()).isEqualTo(AgentState.PAUSED);

        board.paused(PHONE, false, "培训", T0.plusSeconds(40));
        assertThat(board.byUsername("agent")).satisfies(status -> {
            assertThat(status.state()).isEqualTo(AgentState.READY);
            assertThat(status.pauseReason()).isNull();
        });
    }

    @Test
    void devicesStatesAloneGiveTheSameAnswerWhenQueueEventsComeLateOrNever() {
        board.memberAdded(PBX, "hotline", PHONE, "agent", DEVICE_NOT_IN_USE, false, null, T0);
        board.memberStatus(PBX, PHONE, DEVICE_RINGING, false, null, T0.plusSeconds(1));
        assertThat(board.byUsername("agent").state()).isEqualTo(AgentState.RINGING);
        board.memberStatus(PBX, PHONE, DEVICE_IN_USE, null, null, T0.plusSeconds(3));
        // the AgentConnect arriving after the phone's own state changes nothing but the call it names
        board.connected(PHONE, "1700.2", T0.plusSeconds(3));
        assertThat(board.byUsername("agent").state()).isEqualTo(AgentState.ON_CALL);
        board.memberStatus(PBX, PHONE, DEVICE_NOT_IN_USE, null, null, T0.plusSeconds(50));
        assertThat(board.byUsername("agent").state()).isEqualTo(AgentState.WRAP_UP);
        board.memberStatus(PBX, PHONE, DEVICE_UNAVAILABLE, null, null, T0.plusSeconds(55));
        board.tick(T0.plusSeconds(61));
        assertThat(board.byUsername("agent").state()).isEqualTo(AgentState.UNAVAILABLE);
    }

    @Test
    void ringingUnansweredReturnsToReady() {
        board.memberAdded(PBX, "hotline", PHONE, "agent", DEVICE_NOT_IN_USE, false, null, T0);
        board.ringing(PHONE, "1700.3", T0.plusSeconds(1));
        board.ringNoAnswer(PHONE, T0.plusSeconds(16));
        assertThat(board.byUsername("agent")).satisfies(status -> {
            assertThat(status.state()).isEqualTo(AgentState.READY);
            assertThat(status.callId()).isNull();
        });
    }

    @Test
    void anAgentInTwoQueuesIsLoggedOutOnlyWhenRemovedFromBoth() {
        board.memberAdded(PBX, "hotline", PHONE, "desk", DEVICE_NOT_IN_USE, false, null, T0);
        board.memberAdded(PBX, "business-desk", PHONE, "desk", DEVICE_NOT_IN_USE, false, null, T0);
        assertThat(board.byUsername("desk").queues()).containsExactlyInAnyOrder("hotline", "business-desk");

        board.memberRemoved(PBX, "hotline", PHONE, T0.plusSeconds(1));
        assertThat(board.byUsername("desk").queues()).containsExactly("business-desk");
        board.memberRemoved(PBX, "business-desk", PHONE, T0.plusSeconds(2));

        assertThat(board.byUsername("desk")).isNull();
        assertThat(changes.get(changes.size() - 1)).satisfies(last -> {
            assertThat(last.state()).isEqualTo(AgentState.LOGGED_OUT);
            assertThat(last.username()).isEqualTo("desk");
            assertThat(last.queues()).isEmpty();
        });
    }

    @Test
    void resynchronisingLogsOutMembersAsteriskNoLongerHasAndTakesTheReportedStateOfTheRest() {
        board.memberAdded(PBX, "hotline", PHONE, "agent", DEVICE_NOT_IN_USE, false, null, T0);
        board.memberAdded(PBX, "hotline", "PJSIP/1002", "agent2", DEVICE_NOT_IN_USE, false, null, T0);
        changes.clear();

        board.resynchronise(PBX, List.of(new AgentBoard.Membership("hotline", PHONE, "agent", DEVICE_NOT_IN_USE, true,
                "小休"),
                new AgentBoard.Membership("business-desk", PHONE, "agent", DEVICE_NOT_IN_USE, true,
                        "小休")),
                T0.plusSeconds(30));

        assertThat(board.all()).singleElement().satisfies(status -> {
            assertThat(status.username()).isEqualTo("agent");
            assertThat(status.state()).isEqualTo(AgentState.PAUSED);
            assertThat(status.pauseReason()).isEqualTo("小休");
            assertThat(status.queues()).isEqualTo(Set.of("hotline", "business-desk"));
        });
        assertThat(changes).filteredOn(change -> "agent2".equals(change.username())).singleElement()
                .extracting(AgentStatus::state).isEqualTo(AgentState.LOGGED_OUT);
    }

    @Test
    void eventsAboutPhonesThatAreNotMembersAreIgnored() {
        board.ringing("PJSIP/9999", "x", T0);
        board.paused("PJSIP/9999", true, "x", T0);
        board.memberStatus(PBX, "PJSIP/9999", DEVICE_IN_USE, true, "x", T0);
        board.memberRemoved(PBX, "hotline", "PJSIP/9999", T0);
        assertThat(changes).isEmpty();
        assertThat(board.all()).isEmpty();
    }

    @Test
    void anUnchangedStateIsNotPublishedTwice() {
        board.memberAdded(PBX, "hotline", PHONE, "agent", DEVICE_NOT_IN_USE, false, null, T0);
        board.memberStatus(PBX, PHONE, DEVICE_NOT_IN_USE, false, null, T0.plusSeconds(1));
        board.paused(PHONE, false, null, T0.plusSeconds(2));
        assertThat(changes).hasSize(1);
    }

    @Test
    void anAgentOnTwoServersIsReachableWhileOneOfThemReachesThePhoneAndStaysWhileOneForgetsIt() {
        // behind a SIP load balancer the phone registers at one server; the service adds it on both
        board.memberAdded(PBX, "hotline", PHONE, "agent", DEVICE_UNAVAILABLE, false, null, T0);
        board.memberAdded("pbx2", "hotline", PHONE, "agent", DEVICE_NOT_IN_USE, false, null, T0);
        assertThat(board.byUsername("agent").state()).isEqualTo(AgentState.READY);

        board.memberStatus("pbx2", PHONE, DEVICE_IN_USE, false, null, T0.plusSeconds(5));
        board.memberStatus(PBX, PHONE, DEVICE_UNAVAILABLE, false, null, T0.plusSeconds(6));
        assertThat(board.byUsername("agent").state()).isEqualTo(AgentState.ON_CALL);

        // pbx1 restarted without the member: it is still a member on pbx2
        board.resynchronise(PBX, List.of(), T0.plusSeconds(7));
        assertThat(board.byUsername("agent").state()).isEqualTo(AgentState.ON_CALL);
        assertThat(board.membershipsOf(PHONE)).containsOnlyKeys("pbx2");
        assertThat(changes).extracting(AgentStatus::state).doesNotContain(AgentState.LOGGED_OUT);

        board.memberStatus("pbx2", PHONE, DEVICE_UNAVAILABLE, false, null, T0.plusSeconds(8));
        board.tick(T0.plusSeconds(30));
        assertThat(board.byUsername("agent").state()).isEqualTo(AgentState.UNAVAILABLE);
    }
}
