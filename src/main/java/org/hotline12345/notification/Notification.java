package org.hotline12345.notification;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A stored notification, as the inbox reads it; written by {@link NotificationStore}. */
@Entity
@Table(name = "notification")
public class Notification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "recipient_user_id", updatable = false)
    private Long recipientUserId;

    @Column(name = "recipient_department_id", updatable = false)
    private Long recipientDepartmentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private NotificationKind kind;

    @Column(name = "work_order_number", updatable = false)
    private String workOrderNumber;

    @Column(nullable = false, updatable = false)
    private String title;

    @Column(nullable = false, updatable = false)
    private String body;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "read_at")
    private Instant readAt;

    @Column(name = "read_by")
    private String readBy;

    protected Notification() {
    }

    /** A department's notification counts as read for the whole department once one of its staff reads it. */
    void markRead(String username, Instant at) {
        if (readAt == null) {
            readAt = at;
            readBy = username;
        }
    }

    public Long getId() {
        return id;
    }

    public Long getRecipientUserId() {
        return recipientUserId;
    }

    public Long getRecipientDepartmentId() {
        return recipientDepartmentId;
    }

    public NotificationKind getKind() {
        return kind;
    }

    public String getWorkOrderNumber() {
        return workOrderNumber;
    }

    public String getTitle() {
        return title;
    }

    public String getBody() {
        return body;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getReadAt() {
        return readAt;
    }

    public String getReadBy() {
        return readBy;
    }
}
