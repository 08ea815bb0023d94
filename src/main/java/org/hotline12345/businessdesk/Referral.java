package org.hotline12345.businessdesk;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hotline12345.common.ConflictException;
import org.hotline12345.common.Labels;

/** A proposal to refer a case to discipline inspection; the desk lead's decision is final and kept for good. */
@Entity
@Table(name = "desk_referral")
public class Referral {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "desk_referral_seq")
    @SequenceGenerator(name = "desk_referral_seq", sequenceName = "desk_referral_seq", allocationSize = 50)
    private Long id;

    @Column(name = "entry_id", nullable = false, updatable = false)
    private long entryId;

    @Column(name = "proposed_by", nullable = false, updatable = false)
    private String proposedBy;

    @Column(name = "proposed_at", nullable = false, updatable = false)
    private Instant proposedAt;

    @Column(nullable = false, updatable = false)
    private String reasons;

    @Column(nullable = false, updatable = false)
    private String evidence;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReferralStatus status;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decision_comment")
    private String decisionComment;

    protected Referral() {
    }

    Referral(long entryId, String proposedBy, Instant at, String reasons, String evidence) {
        this.entryId = entryId;
        this.proposedBy = proposedBy;
        this.proposedAt = at;
        this.reasons = reasons;
        this.evidence = evidence;
        this.status = ReferralStatus.PROPOSED;
    }

    void decide(boolean approved, String lead, Instant at, String comment) {
        if (status != ReferralStatus.PROPOSED) {
            throw new ConflictException("移送 " + id + " 已由 " + decidedBy + " 决定（" + Labels.label(status)
                    + "），决定不可更改");
        }
        status = approved ? ReferralStatus.APPROVED : ReferralStatus.REJECTED;
        decidedBy = lead;
        decidedAt = at;
        decisionComment = comment;
    }

    public Long getId() {
        return id;
    }

    public long getEntryId() {
        return entryId;
    }

    public String getProposedBy() {
        return proposedBy;
    }

    public Instant getProposedAt() {
        return proposedAt;
    }

    public String getReasons() {
        return reasons;
    }

    public String getEvidence() {
        return evidence;
    }

    public ReferralStatus getStatus() {
        return status;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDecisionComment() {
        return decisionComment;
    }
}
