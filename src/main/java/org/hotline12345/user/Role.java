package org.hotline12345.user;

import java.util.EnumSet;
import java.util.Set;

/** What a user does at the hotline; each user has exactly one role. */
public enum Role {
    /** 坐席: answers calls, registers and dispatches work orders, records callbacks */
    AGENT,
    /** 承办单位 staff: handles what is dispatched to their one department */
    DEPARTMENT_STAFF,
    /** 营商环境专席: handles enterprise requests on the ledger (台账) */
    DESK,
    /** 营商环境专席组长: a desk member who also approves referrals to discipline inspection and any sign-off */
    DESK_LEAD,
    /** 班长 / 值班长: approves returns and extensions, reviews replies, supervises */
    SUPERVISOR,
    /** manages users, departments and reference data */
    ADMIN,
    /** 知识库编辑: writes and maintains the knowledge base agents search */
    KNOWLEDGE_EDITOR;

    /** The hotline's own staff, who see citizens' details in full. */
    public static final Set<Role> HOTLINE = EnumSet.of(AGENT, DESK, DESK_LEAD, SUPERVISOR);

    public boolean isHotline() {
        return HOTLINE.contains(this);
    }

    /** Whether the role works the business-environment desk. */
    public boolean isDesk() {
        return this == DESK || this == DESK_LEAD;
    }

    /** Whether the role maintains the knowledge base: sees drafts, archived and expired articles, edits them. */
    public boolean editsKnowledge() {
        return this == ADMIN || this == KNOWLEDGE_EDITOR;
    }

    /**
     * Whether the role drafts and revises its own department's articles for an editor to publish (共建共享); it never
     * publishes.
     */
    public boolean proposesKnowledge() {
        return this == DEPARTMENT_STAFF;
    }

    /** Role names as compile-time constants for {@code @RolesAllowed}; they equal the enum names. */
    public static final class Names {
        public static final String AGENT = "AGENT";
        public static final String DEPARTMENT_STAFF = "DEPARTMENT_STAFF";
        public static final String DESK = "DESK";
        public static final String DESK_LEAD = "DESK_LEAD";
        public static final String SUPERVISOR = "SUPERVISOR";
        public static final String ADMIN = "ADMIN";
        public static final String KNOWLEDGE_EDITOR = "KNOWLEDGE_EDITOR";

        private Names() {
        }
    }
}
