package org.hotline12345.telephony.callback;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hotline12345.common.ActionForbiddenException;
import org.hotline12345.common.ConflictException;
import org.hotline12345.security.Actor;
import org.hotline12345.user.Role;

/**
 * One number the hotline missed and is to call back: every further miss of the number counts on it while it is open.
 * An agent takes it ({@link #take}), calls, and records what came of it ({@link #record}); busy or unanswered, it
 * comes back after a while until the attempts are used up. {@link MissedCalls} writes the misses themselves.
 */
@Entity
@Table(name = "missed_call")
public class MissedCall {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String phone;

    @Column(name = "caller_number", nullable = false)
    private String callerNumber;

    @Column(nullable = false)
    private String queue;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MissedCallReason reason;

    @Column(name = "first_missed_at", nullable = false)
    private Instant firstMissedAt;

    @Column(name = "last_missed_at", nullable = false)
    private Instant lastMissedAt;

    @Column(name = "missed_count", nullable = false)
    private int missedCount;

    @Column(name = "callable_from", nullable = false)
    private Instant callableFrom;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MissedCallStatus status;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "claimed_by")
    private String claimedBy;

    @Column(name = "claimed_at")
    private Instant claimedAt;

    @Column(name = "first_attempt_at")
    private Instant firstAttemptAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    protected MissedCall() {
    }

    /** A first miss of a number, for tests of the rules; the service writes misses with one upsert. */
    MissedCall(String phone, String callerNumber, String queue, MissedCallReason reason, Instant missedAt,
            Instant callableFrom) {
        this.phone = phone;
        this.callerNumber = callerNumber;
        this.queue = queue;
        this.reason = reason;
        this.firstMissedAt = missedAt;
        this.lastMissedAt = missedAt;
        this.missedCount = 1;
        this.callableFrom = callableFrom;
        this.status = MissedCallStatus.WAITING;
        this.nextAttemptAt = callableFrom;
    }

    /** Whether the entry waits to be taken and its next attempt is due. */
    boolean takeableAt(Instant now) {
        return status == MissedCallStatus.WAITING && !nextAttemptAt.isAfter(now);
    }

    /** The agent takes the entry to call the number: nobody else gets it meanwhile. */
    void take(Actor actor, Instant now) {
        if (!takeableAt(now)) {
            throw new ConflictException("漏接来电 " + callerNumber + " 当前不可回拨（" + status + "）");
        }
        status = MissedCallStatus.CALLING;
        claimedBy = actor.username();
        claimedAt = now;
    }

    /** The call was placed: one attempt more. */
    void attempted(Instant at) {
        attempts++;
        if (firstAttemptAt == null) {
            firstAttemptAt = at;
        }
    }

    /** The call could not be placed: the entry goes back to the list as it was. */
    void release() {
        if (status == MissedCallStatus.CALLING) {
            status = MissedCallStatus.WAITING;
            claimedBy = null;
            claimedAt = null;
        }
    }

    /** Taken longer ago than {@code timeout} with no outcome recorded: back to the list at once. */
    boolean releaseIfAbandoned(Duration timeout, Instant now) {
        if (status != MissedCallStatus.CALLING || claimedAt.plus(timeout).isAfter(now)) {
            return false;
        }
        release();
        nextAttemptAt = now;
        return true;
    }

    /**
     * What the callback came to. Reached or a wrong number closes the entry; busy or no answer offers it again after
     * {@code retryAfter}, until {@code maxAttempts} attempts were made.
     */
    void record(MissedCallOutcome outcome, Actor actor, int maxAttempts, Duration retryAfter, Instant now) {
        requireRecordableBy(actor);
        claimedBy = null;
        claimedAt = null;
        if (outcome == MissedCallOutcome.REACHED) {
            close(MissedCallStatus.REACHED, now);
        } else if (outcome == MissedCallOutcome.WRONG_NUMBER) {
            close(MissedCallStatus.WRONG_NUMBER, now);
        } else if (attempts >= maxAttempts) {
            close(MissedCallStatus.UNREACHABLE, now);
        } else {
            status = MissedCallStatus.WAITING;
            nextAttemptAt = now.plus(retryAfter);
        }
    }

    /** The agent who took the entry records its outcome; a supervisor may for them. */
    private void requireRecordableBy(Actor actor) {
        if (status != MissedCallStatus.CALLING) {
            throw new ConflictException("漏接来电 " + callerNumber + " 不在回拨中，无法记录结果");
        }
        if (!actor.username().equals(claimedBy) && actor.role() != Role.SUPERVISOR) {
            throw new ActionForbiddenException("此回拨由 " + claimedBy + " 进行，只有本人或班长可以记录结果");
        }
    }

    private void close(MissedCallStatus closedAs, Instant at) {
        status = closedAs;
        closedAt = at;
    }

    public Long getId() {
        return id;
    }

    public String getPhone() {
        return phone;
    }

    public String getCallerNumber() {
        return callerNumber;
    }

    public String getQueue() {
        return queue;
    }

    public MissedCallReason getReason() {
        return reason;
    }

    public Instant getFirstMissedAt() {
        return firstMissedAt;
    }

    public Instant getLastMissedAt() {
        return lastMissedAt;
    }

    public int getMissedCount() {
        return missedCount;
    }

    public Instant getCallableFrom() {
        return callableFrom;
    }

    public MissedCallStatus getStatus() {
        return status;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getClaimedBy() {
        return claimedBy;
    }

    public Instant getFirstAttemptAt() {
        return firstAttemptAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }
}
