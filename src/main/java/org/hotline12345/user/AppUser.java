package org.hotline12345.user;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** Someone who signs in: hotline staff, department staff, administrators. */
@Entity
@Table(name = "app_user")
public class AppUser {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "app_user_seq")
    @SequenceGenerator(name = "app_user_seq", sequenceName = "app_user_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, unique = true, updatable = false)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    /** The department of department staff; null for every other role. */
    @Column(name = "department_id")
    private Long departmentId;

    @Column(nullable = false)
    private boolean active = true;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    /** Moves on whenever the user's sessions must end; each session carries the version it was started with. */
    @Column(name = "credential_version", nullable = false)
    private long credentialVersion;

    protected AppUser() {
    }

    public AppUser(String username, String passwordHash, String displayName, Role role, Long departmentId,
            Instant createdAt) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.role = role;
        this.departmentId = departmentId;
        this.createdAt = createdAt;
    }

    /** Returns whether the change ended the user's sessions: a new role, department or status does. */
    public boolean update(String displayName, Role role, Long departmentId, boolean active) {
        boolean access = role != this.role || !Objects.equals(departmentId, this.departmentId)
                || active != this.active;
        this.displayName = displayName;
        this.role = role;
        this.departmentId = departmentId;
        this.active = active;
        if (access) {
            endSessions();
        }
        return access;
    }

    /** Sets the new hash and ends every session started with the old password. */
    public void changePassword(String passwordHash) {
        this.passwordHash = passwordHash;
        endSessions();
    }

    public void endSessions() {
        credentialVersion++;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public String getDisplayName() {
        return displayName;
    }

    public Role getRole() {
        return role;
    }

    public Long getDepartmentId() {
        return departmentId;
    }

    public boolean isActive() {
        return active;
    }

    public long getCredentialVersion() {
        return credentialVersion;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
