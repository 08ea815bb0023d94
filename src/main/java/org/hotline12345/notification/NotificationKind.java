package org.hotline12345.notification;

/** Why a notification was sent. */
public enum NotificationKind {
    /** 催办: little time is left (yellow card) or someone urged the department */
    URGE,
    /** 红牌: a deadline passed */
    OVERDUE,
    /** 督办: formal supervision, raised by the deadline supervision or by a supervisor */
    SUPERVISE,
    /** the daily list of what is yellow or red */
    DIGEST,
    /** 知识库: an article of the department is due for review or expires, or a proposal was published or sent back */
    KNOWLEDGE,
    /** 热点: the hotspot pass found requests that stand out, for the supervisors and the responsible department */
    HOTSPOT,
    /** 考核申诉: a department's appeal for the supervisors, and their decision for the department */
    SCORECARD_APPEAL
}
