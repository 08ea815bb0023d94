package org.hotline12345.telephony;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A number blocked for harassment (恶意骚扰): the IVR plays a notice and hangs up, until it expires. */
@Entity
@Table(name = "blocked_number")
public class BlockedNumber {

    /** The number as phone_key() gives it: digits, without a country prefix. */
    @Id
    private String phone;

    @Column(nullable = false)
    private String reason;

    @Column(name = "blocked_by", nullable = false)
    private String blockedBy;

    @Column(name = "blocked_at", nullable = false)
    private Instant blockedAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    protected BlockedNumber() {
    }

    BlockedNumber(String phone, String reason, String blockedBy, Instant blockedAt, Instant expiresAt) {
        this.phone = phone;
        this.reason = reason;
        this.blockedBy = blockedBy;
        this.blockedAt = blockedAt;
        this.expiresAt = expiresAt;
    }

    void renew(String newReason, String by, Instant at, Instant newExpiry) {
        reason = newReason;
        blockedBy = by;
        blockedAt = at;
        expiresAt = newExpiry;
    }

    public String getPhone() {
        return phone;
    }

    public String getReason() {
        return reason;
    }

    public String getBlockedBy() {
        return blockedBy;
    }

    public Instant getBlockedAt() {
        return blockedAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }
}
