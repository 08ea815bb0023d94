package org.hotline12345.deadline;

/** How late a clock is, in the order the levels are reached. */
public enum CardLevel {
    NONE,
    /** 黄牌: little time left */
    YELLOW,
    /** 红牌: the deadline passed */
    RED,
    /** 督办: the deadline passed the configured working days ago */
    ESCALATED
}
