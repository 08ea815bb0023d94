package org.hotline12345.dispatch;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One version of a rule of the responsibility list. A version is never changed in what it says: a change is a new
 * version, and the one before ends where the new one begins (or is withdrawn if it had not begun).
 */
@Entity
@Table(name = "responsibility_rule")
public class ResponsibilityRule {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "responsibility_rule_seq")
    @SequenceGenerator(name = "responsibility_rule_seq", sequenceName = "responsibility_rule_seq", allocationSize = 50)
    private Long id;

    @Column(name = "rule_id", nullable = false, updatable = false)
    private long ruleId;

    @Column(nullable = false, updatable = false)
    private int version;

    @Column(name = "category_id", nullable = false, updatable = false)
    private long categoryId;

    @Column(updatable = false)
    private String district;

    @Column(updatable = false)
    private String street;

    @Column(name = "lead_department_id", nullable = false, updatable = false)
    private long leadDepartmentId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "assisting_department_ids", nullable = false, updatable = false, columnDefinition = "bigint[]")
    private List<Long> assistingDepartmentIds;

    @Enumerated(EnumType.STRING)
    @Column(name = "handling_level", nullable = false, updatable = false)
    private HandlingLevel level;

    @Column(name = "effective_from", nullable = false, updatable = false)
    private LocalDate effectiveFrom;

    @Column(name = "effective_to")
    private LocalDate effectiveTo;

    @Column(nullable = false)
    private boolean withdrawn;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(updatable = false)
    private String note;

    protected ResponsibilityRule() {
    }

    ResponsibilityRule(long ruleId, int version, long categoryId, String district, String street,
            long leadDepartmentId, List<Long> assistingDepartmentIds, HandlingLevel level, LocalDate effectiveFrom,
            LocalDate effectiveTo, String createdBy, Instant createdAt, String note) {
        this.ruleId = ruleId;
        this.version = version;
        this.categoryId = categoryId;
        this.district = district;
        this.street = street;
        this.leadDepartmentId = leadDepartmentId;
        this.assistingDepartmentIds = List.copyOf(assistingDepartmentIds);
        this.level = level;
        this.effectiveFrom = effectiveFrom;
        this.effectiveTo = effectiveTo;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.note = note;
    }

    /** Ends the version on {@code day}, or withdraws it when it would not have begun by then. */
    void endOn(LocalDate day) {
        if (day.isAfter(effectiveFrom)) {
            effectiveTo = day;
        } else {
            withdrawn = true;
        }
    }

    public Long getId() {
        return id;
    }

    public long getRuleId() {
        return ruleId;
    }

    public int getVersion() {
        return version;
    }

    public long getCategoryId() {
        return categoryId;
    }

    public String getDistrict() {
        return district;
    }

    public String getStreet() {
        return street;
    }

    public long getLeadDepartmentId() {
        return leadDepartmentId;
    }

    public List<Long> getAssistingDepartmentIds() {
        return assistingDepartmentIds;
    }

    public HandlingLevel getLevel() {
        return level;
    }

    public LocalDate getEffectiveFrom() {
        return effectiveFrom;
    }

    public LocalDate getEffectiveTo() {
        return effectiveTo;
    }

    public boolean isWithdrawn() {
        return withdrawn;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getNote() {
        return note;
    }
}
