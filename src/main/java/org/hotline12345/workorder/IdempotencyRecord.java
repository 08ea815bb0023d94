package org.hotline12345.workorder;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Which work order a user's Idempotency-Key created, and a hash of the request that used it. */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord {

    /** A key belongs to the user who sent it. */
    @Embeddable
    public record Key(@Column(name = "username") String username, @Column(name = "idempotency_key") String key)
            implements
                Serializable {
    }

    @EmbeddedId
    private Key id;

    @Column(name = "request_hash", nullable = false, updatable = false)
    private String requestHash;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "work_order_number", referencedColumnName = "number", updatable = false)
    private WorkOrder workOrder;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected IdempotencyRecord() {
    }
}
