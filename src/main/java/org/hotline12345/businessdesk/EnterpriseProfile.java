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

/** An enterprise, one record per unified social credit code, linked to every request it raised. */
@Entity
@Table(name = "enterprise")
public class EnterpriseProfile {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "enterprise_seq")
    @SequenceGenerator(name = "enterprise_seq", sequenceName = "enterprise_seq", allocationSize = 50)
    private Long id;

    @Column(name = "credit_code", nullable = false, unique = true, updatable = false)
    private String creditCode;

    @Column(nullable = false)
    private String name;

    @Column(name = "contact_name")
    private String contactName;

    @Column(name = "contact_phone")
    private String contactPhone;

    private String industry;

    @Enumerated(EnumType.STRING)
    private EnterpriseSize size;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected EnterpriseProfile() {
    }

    EnterpriseProfile(String creditCode, String name, Instant now) {
        this.creditCode = creditCode;
        this.name = name;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void update(String name, String contactName, String contactPhone, String industry, EnterpriseSize size,
            Instant now) {
        this.name = name;
        this.contactName = contactName;
        this.contactPhone = contactPhone;
        this.industry = industry;
        this.size = size;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getCreditCode() {
        return creditCode;
    }

    public String getName() {
        return name;
    }

    public String getContactName() {
        return contactName;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public String getIndustry() {
        return industry;
    }

    public EnterpriseSize getSize() {
        return size;
    }
}
