package org.hotline12345.telephony.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.hotline12345.common.ActionForbiddenException;
import org.hotline12345.common.ConflictException;
import org.hotline12345.security.Actor;
import org.hotline12345.user.Role;
import org.junit.jupiter.api.Test;

/** The rules of one entry of the callback list, without the database. */
class MissedCallTest {

    private static final Instant MISSED = Instant.parse("2026-12-07T02:00:00Z");
    private static final Duration RETRY = Duration.ofMinutes(10);
    private static final Actor AGENT = new Actor(1, "agent", "王坐席", Role.AGENT, null);
    private static final Actor OTHER = new Actor(2, "desk", "周专席", Role.DESK, null);
    private static final Actor SUPERVISOR = new Actor(3, "supervisor", "班长", Role.SUPERVISOR, null);

    private static MissedCall entry() {
        return new MissedCall("13912345678", "13912345678", "hotline", MissedCallReason.ABANDONED, MISSED, MISSED);
    }

    private static MissedCall calling(MissedCall entry, Actor agent, Instant at) {
        entry.take(agent, at);
        entry.attempted(at);
        return entry;
    }

    @Test
    void reachedClosesTheEntryAndOnlyTheAgentWhoTookItRecords() {
        Instant now = MISSED.plusSeconds(60);
        MissedCall entry = calling(entry(), AGENT, now);
        assertThat(entry.getStatus()).isEqualTo(MissedCallStatus.CALLING);
        assertThat(entry.getFirstAttemptAt()).isEqualTo(now);
        assertThatThrownBy(() -> entry.take(OTHER, now)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> entry.record(MissedCallOutcome.REACHED, OTHER, 3, RETRY, now))
                .isInstanceOf(ActionForbiddenException.class);

        entry.record(MissedCallOutcome.REACHED, AGENT, 3, RETRY, now);
        assertThat(entry.getStatus()).isEqualTo(MissedCallStatus.REACHED);
        assertThat(entry.getStatus().open()).isFalse();
        assertThat(entry.getClosedAt()).isEqualTo(now);
        assertThatThrownBy(() -> entry.record(MissedCallOutcome.BUSY, AGENT, 3, RETRY, now))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void busyOrUnansweredComesBackAfterTheRetryWaitUntilTheAttemptsAreUsedUp() {
        MissedCall entry = entry();
        Instant first = MISSED.plusSeconds(60);
        calling(entry, AGENT, first).record(MissedCallOutcome.BUSY, AGENT, 2, RETRY, first);
        assertThat(entry.getStatus()).isEqualTo(MissedCallStatus.WAITING);
        assertThat(entry.getAttempts()).isEqualTo(1);
        assertThat(entry.getNextAttemptAt()).isEqualTo(first.plus(RETRY));
        assertThat(entry.takeableAt(first.plus(RETRY).minusSeconds(1))).isFalse();
        assertThatThrownBy(() -> entry.take(OTHER, first.plusSeconds(1))).isInstanceOf(ConflictException.class);

        Instant second = first.plus(RETRY);
        calling(entry, OTHER, second);
        // a supervisor records for the agent who went away
        entry.record(MissedCallOutcome.NO_ANSWER, SUPERVISOR, 2, RETRY, second);
        assertThat(entry.getStatus()).isEqualTo(MissedCallStatus.UNREACHABLE);
        assertThat(entry.getAttempts()).isEqualTo(2);
        assertThat(entry.getFirstAttemptAt()).isEqualTo(first);
    }

    @Test
    void aWrongNumberClosesAtOnce() {
        MissedCall entry = calling(entry(), AGENT, MISSED);
        entry.record(MissedCallOutcome.WRONG_NUMBER, AGENT, 3, RETRY, MISSED);
        assertThat(entry.getStatus()).isEqualTo(MissedCallStatus.WRONG_NUMBER);
    }

    @Test
    void anEntryTakenAndForgottenGoesBackAfterTheClaimTimeoutAndAFailedCallPutsItBackAsItWas() {
        MissedCall entry = entry();
        entry.take(AGENT, MISSED);
        assertThat(entry.releaseIfAbandoned(Duration.ofMinutes(15), MISSED.plusSeconds(600))).isFalse();
        assertThat(entry.releaseIfAbandoned(Duration.ofMinutes(15), MISSED.plusSeconds(900))).isTrue();
        assertThat(entry.getStatus()).isEqualTo(MissedCallStatus.WAITING);
        assertThat(entry.getClaimedBy()).isNull();

        entry.take(OTHER, MISSED.plusSeconds(901));
        entry.release();
        assertThat(entry.getStatus()).isEqualTo(MissedCallStatus.WAITING);
        assertThat(entry.getAttempts()).isZero();
    }

    @Test
    void onlyFullNumbersCanBeCalledBack() {
        assertThat(MissedCalls.callable("13912345678")).isTrue();
        assertThat(MissedCalls.callable("021-6123 4567")).isTrue();
        assertThat(MissedCalls.callable("1001")).as("an extension").isFalse();
        assertThat(MissedCalls.callable("anonymous")).isFalse();
        assertThat(MissedCalls.callable(null)).isFalse();
    }
}
