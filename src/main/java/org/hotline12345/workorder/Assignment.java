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

/**
 * A department's part in a work order, from dispatch until a return takes it away. Ended assignments stay, so a
 * department keeps read access to what it once handled and statistics can count returns against it.
 */
@Entity
@Table(name = "work_order_assignment")
public class Assignment {

    /** Why an assignment ended. */
    public enum EndReason {
        /** the department's return was approved */
        RETURNED,
        /** the dispatch it belonged to ended with the lead's return */
        RELEASED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "work_order_assignment_seq")
    @SequenceGenerator(name = "work_order_assignment_seq", sequenceName = "work_order_assignment_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "work_order_id", updatable = false)
    private WorkOrder workOrder;

    @Column(name = "department_id", nullable = false, updatable = false)
    private Long departmentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private AssignmentRole role;

    @Column(name = "assigned_at", nullable = false, updatable = false)
    private Instant assignedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "end_reason")
    private EndReason endReason;

    /** An assisting department's contribution (协办意见). */
    private String input;

    @Column(name = "input_at")
    private Instant inputAt;

    @Column(name = "input_by")
    private String inputBy;

    protected Assignment() {
    }

    Assignment(WorkOrder workOrder, long departmentId, AssignmentRole role, Instant assignedAt) {
        this.workOrder = workOrder;
        this.departmentId = departmentId;
        this.role = role;
        this.assignedAt = assignedAt;
    }

    void end(EndReason reason, Instant at) {
        this.endReason = reason;
        this.endedAt = at;
    }

    void recordInput(String input, String username, Instant at) {
        this.input = input;
        this.inputBy = username;
        this.inputAt = at;
    }

    public boolean isActive() {
        return endedAt == null;
    }

    public Long getDepartmentId() {
        return departmentId;
    }

    public AssignmentRole getRole() {
        return role;
    }

    public Instant getAssignedAt() {
        return assignedAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public EndReason getEndReason() {
        return endReason;
    }

    public String getInput() {
        return input;
    }

    public Instant getInputAt() {
        return inputAt;
    }

    public String getInputBy() {
        return inputBy;
    }
}
