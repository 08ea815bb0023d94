package org.hotline12345.workorder;

import java.time.Instant;
import java.util.Map;

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

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.hotline12345.security.Actor;
import org.hotline12345.user.Role;

/**
 * One entry of a work order's history: who (user, role, department) did what, when, with which comment. Append-only:
 * the entity is immutable and the database refuses updates and deletes of its table.
 */
@Entity
@Immutable
@Table(name = "work_order_event")
public class WorkOrderEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "work_order_event_seq")
    @SequenceGenerator(name = "work_order_event_seq", sequenceName = "work_order_event_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "work_order_id", updatable = false)
    private WorkOrder workOrder;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EventType type;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    /** {@code null} for events the system raises by itself. */
    @Column(name = "actor_username")
    private String actorUsername;

    @Column(name = "actor_name")
    private String actorName;

    @Enumerated(EnumType.STRING)
    @Column(name = "actor_role")
    private Role actorRole;

    @Column(name = "actor_department_id")
    private Long actorDepartmentId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    private WorkOrderStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    private WorkOrderStatus toStatus;

    private String comment;

    /**
     * What else the event carries (departments, days, satisfaction, the other work order of a merge), as JSON text:
     * a string is immutable, so Hibernate neither copies nor re-serialises it on every insert.
     */
    @JdbcTypeCode(SqlTypes.JSON)
    private String details;

    protected WorkOrderEvent() {
    }

    WorkOrderEvent(WorkOrder workOrder, EventType type, Instant occurredAt, Actor actor, WorkOrderStatus fromStatus,
            WorkOrderStatus toStatus, String comment, Map<String, Object> details) {
        this.workOrder = workOrder;
        this.type = type;
        this.occurredAt = occurredAt;
        if (actor != null) {
            this.actorUsername = actor.username();
            this.actorName = actor.displayName();
            this.actorRole = actor.role();
            this.actorDepartmentId = actor.departmentId();
        }
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.comment = comment;
        this.details = details == null || details.isEmpty() ? null : EventDetails.write(details);
    }

    public Long getId() {
        return id;
    }

    public EventType getType() {
        return type;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActorUsername() {
        return actorUsername;
    }

    public String getActorName() {
        return actorName;
    }

    public Role getActorRole() {
        return actorRole;
    }

    public Long getActorDepartmentId() {
        return actorDepartmentId;
    }

    public WorkOrderStatus getFromStatus() {
        return fromStatus;
    }

    public WorkOrderStatus getToStatus() {
        return toStatus;
    }

    public String getComment() {
        return comment;
    }

    public Map<String, Object> getDetails() {
        return EventDetails.read(details);
    }

    /** The details as JSON text, {@code null} when there are none. */
    public String getDetailsJson() {
        return details;
    }
}
