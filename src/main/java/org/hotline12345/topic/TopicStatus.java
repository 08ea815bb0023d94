package org.hotline12345.topic;

/** Where a monthly topic stands. */
public enum TopicStatus {
    /** 进行中: its report follows the work orders as they are handled */
    OPEN,
    /** 已结题: the supervisor wrote the month's findings (the conclusion) */
    CLOSED
}
