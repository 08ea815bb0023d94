package org.hotline12345.department;

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

/** 承办单位: a unit work orders are dispatched to. */
@Entity
@Table(name = "department")
public class Department {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "department_seq")
    @SequenceGenerator(name = "department_seq", sequenceName = "department_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, unique = true, updatable = false)
    private String code;

    @Column(nullable = false, unique = true)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DepartmentKind kind;

    /** The district the unit belongs to; empty for city-wide units. */
    private String district;

    @Column(nullable = false)
    private boolean active = true;

    /** 上级单位, by its code; empty for a unit with none. */
    @Column(name = "parent_code")
    private String parentCode;

    /** 联系电话 the hotline calls about the unit's work orders. */
    private String phone;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Department() {
    }

    public Department(String code, String name, DepartmentKind kind, String district, String parentCode, String phone,
            Instant createdAt) {
        this.code = code;
        this.name = name;
        this.kind = kind;
        this.district = district;
        this.parentCode = parentCode;
        this.phone = phone;
        this.createdAt = createdAt;
    }

    void update(String name, DepartmentKind kind, String district, String parentCode, String phone, boolean active) {
        this.name = name;
        this.kind = kind;
        this.district = district;
        this.parentCode = parentCode;
        this.phone = phone;
        this.active = active;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public DepartmentKind getKind() {
        return kind;
    }

    public String getDistrict() {
        return district;
    }

    public boolean isActive() {
        return active;
    }

    public String getParentCode() {
        return parentCode;
    }

    public String getPhone() {
        return phone;
    }
}
