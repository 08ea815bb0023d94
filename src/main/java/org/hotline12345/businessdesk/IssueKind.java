package org.hotline12345.businessdesk;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A kind of issue under an environment (审批效率, 拖欠账款, 执法检查, …); retired kinds stay on old entries. */
@Entity
@Table(name = "desk_issue_kind")
public class IssueKind {

    @Id
    private String code;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "environment_code")
    private DeskEnvironment environment;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private boolean active = true;

    protected IssueKind() {
    }

    IssueKind(String code, DeskEnvironment environment, String name) {
        this.code = code;
        this.environment = environment;
        this.name = name;
    }

    void rename(String newName) {
        this.name = newName;
    }

    void setActive(boolean active) {
        this.active = active;
    }

    public String getCode() {
        return code;
    }

    public DeskEnvironment getEnvironment() {
        return environment;
    }

    public String getName() {
        return name;
    }

    public boolean isActive() {
        return active;
    }
}
