package org.hotline12345.workorder;

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

/** 延期申请: a department asks for more working days to reply; a supervisor decides. */
@Entity
@Table(name = "extension_request")
public class ExtensionRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "extension_request_seq")
    @SequenceGenerator(name = "extension_request_seq", sequenceName = "extension_request_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "work_order_id", updatable = false)
    private WorkOrder workOrder;

    @Column(name = "department_id", nullable = false, updatable = false)
    private Long departmentId;

    @Column(nullable = false, updatable = false)
    private int days;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ExtensionStatus status = ExtensionStatus.PENDING;

    @Column(name = "requested_by", nullable = false, updatable = false)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private Instant requestedAt;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decision_comment")
    private String decisionComment;

    protected ExtensionRequest() {
    }

    ExtensionRequest(WorkOrder workOrder, long departmentId, int days, String reason, String requestedBy,
            Instant requestedAt) {
        this.workOrder = workOrder;
        this.departmentId = departmentId;
        this.days = days;
        this.reason = reason;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
    }

    void decide(ExtensionStatus outcome, String by, Instant at, String comment) {
        this.status = outcome;
        this.decidedBy = by;
        this.decidedAt = at;
        this.decisionComment = comment;
    }

    public boolean isPending() {
        return status == ExtensionStatus.PENDING;
    }

    public Long getId() {
        return id;
    }

    public Long getDepartmentId() {
        return departmentId;
    }

    public int getDays() {
        return days;
    }

    public String getReason() {
        return reason;
    }

    public ExtensionStatus getStatus() {
        return status;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getRequestedAt() {
        return requestedAt;
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
