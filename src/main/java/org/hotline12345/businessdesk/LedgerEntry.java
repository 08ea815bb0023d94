package org.hotline12345.businessdesk;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hotline12345.workorder.Satisfaction;

/**
 * 台账: the desk's entry for an enterprise request. It closes (销号) only after the department's reply was verified
 * with the enterprise and a second desk member, or the desk lead, approved.
 */
@Entity
@Table(name = "ledger_entry")
public class LedgerEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ledger_entry_seq")
    @SequenceGenerator(name = "ledger_entry_seq", sequenceName = "ledger_entry_seq", allocationSize = 50)
    private Long id;

    @Version
    private int version;

    /** The work order's id: the work order is the {@code workorder} package's, read through its API. */
    @Column(name = "work_order_id", nullable = false, updatable = false)
    private long workOrderId;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "enterprise_id")
    private EnterpriseProfile enterprise;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "issue_kind_code")
    private IssueKind issueKind;

    @Column(name = "owner_username")
    private String owner;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LedgerStatus status;

    @Column(name = "desk_deadline")
    private Instant deskDeadline;

    @Column(name = "verified_by")
    private String verifiedBy;

    @Column(name = "verified_at")
    private Instant verifiedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "verification_method")
    private VerificationMethod verificationMethod;

    @Enumerated(EnumType.STRING)
    @Column(name = "enterprise_view")
    private Satisfaction enterpriseView;

    @Column(name = "enterprise_comment")
    private String enterpriseComment;

    @Column(name = "sign_off_requested_by")
    private String signOffRequestedBy;

    @Column(name = "sign_off_requested_at")
    private Instant signOffRequestedAt;

    @Column(name = "signed_off_by")
    private String signedOffBy;

    @Column(name = "signed_off_at")
    private Instant signedOffAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected LedgerEntry() {
    }

    LedgerEntry(long workOrderId, EnterpriseProfile enterprise, Instant deskDeadline, Instant now) {
        this.workOrderId = workOrderId;
        this.enterprise = enterprise;
        this.deskDeadline = deskDeadline;
        this.status = LedgerStatus.OPEN;
        this.createdAt = now;
    }

    void classify(IssueKind kind) {
        this.issueKind = kind;
    }

    void assign(String username) {
        this.owner = username;
    }

    void linkEnterprise(EnterpriseProfile profile) {
        this.enterprise = profile;
    }

    void verify(String username, Instant at, VerificationMethod method, Satisfaction view, String comment) {
        LedgerAction.VERIFY.requireAllowedFrom(id, status);
        verifiedBy = username;
        verifiedAt = at;
        verificationMethod = method;
        enterpriseView = view;
        enterpriseComment = comment;
        status = LedgerStatus.VERIFIED;
    }

    void requestSignOff(String username, Instant now) {
        LedgerAction.REQUEST_SIGN_OFF.requireAllowedFrom(id, status);
        signOffRequestedBy = username;
        signOffRequestedAt = now;
        status = LedgerStatus.SIGN_OFF_REQUESTED;
    }

    void signOff(String username, Instant now) {
        LedgerAction.APPROVE_SIGN_OFF.requireAllowedFrom(id, status);
        signedOffBy = username;
        signedOffAt = now;
        status = LedgerStatus.SIGNED_OFF;
    }

    /** Back to the department: the verification no longer holds, its record stays in the notes. */
    void rejectSignOff() {
        LedgerAction.REJECT_SIGN_OFF.requireAllowedFrom(id, status);
        verifiedBy = null;
        verifiedAt = null;
        verificationMethod = null;
        enterpriseView = null;
        enterpriseComment = null;
        signOffRequestedBy = null;
        signOffRequestedAt = null;
        status = LedgerStatus.OPEN;
    }

    public Long getId() {
        return id;
    }

    public long getWorkOrderId() {
        return workOrderId;
    }

    public EnterpriseProfile getEnterprise() {
        return enterprise;
    }

    public IssueKind getIssueKind() {
        return issueKind;
    }

    public String getOwner() {
        return owner;
    }

    public LedgerStatus getStatus() {
        return status;
    }

    public Instant getDeskDeadline() {
        return deskDeadline;
    }

    public String getVerifiedBy() {
        return verifiedBy;
    }

    public Instant getVerifiedAt() {
        return verifiedAt;
    }

    public VerificationMethod getVerificationMethod() {
        return verificationMethod;
    }

    public Satisfaction getEnterpriseView() {
        return enterpriseView;
    }

    public String getEnterpriseComment() {
        return enterpriseComment;
    }

    public String getSignOffRequestedBy() {
        return signOffRequestedBy;
    }

    public Instant getSignOffRequestedAt() {
        return signOffRequestedAt;
    }

    public String getSignedOffBy() {
        return signedOffBy;
    }

    public Instant getSignedOffAt() {
        return signedOffAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
