package org.hotline12345.businessdesk;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One of the four environments of 营商环境: 政务环境, 市场环境, 法治环境, 人文社会环境. */
@Entity
@Table(name = "desk_environment")
public class DeskEnvironment {

    @Id
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private short position;

    @Column(nullable = false)
    private boolean active;

    protected DeskEnvironment() {
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public int getPosition() {
        return position;
    }

    public boolean isActive() {
        return active;
    }
}
