package org.hotline12345.telephony;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** A call and a work order it is about: the one registered during it, a callback, a repeat call. */
@Entity
@Immutable
@Table(name = "call_work_order")
@IdClass(CallLink.Key.class)
public class CallLink {

    /** The composite key, as JPA requires a class with the id fields' names. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private String callId;
        private Long workOrderId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(callId, key.callId)
                    && Objects.equals(workOrderId, key.workOrderId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(callId, workOrderId);
        }
    }

    @Id
    @Column(name = "call_id")
    private String callId;

    @Id
    @Column(name = "work_order_id")
    private Long workOrderId;

    @Column(name = "linked_at")
    private Instant linkedAt;

    @Column(name = "linked_by")
    private String linkedBy;

    protected CallLink() {
    }

    public String getCallId() {
        return callId;
    }

    public Instant getLinkedAt() {
        return linkedAt;
    }

    public Long getWorkOrderId() {
        return workOrderId;
    }
}
