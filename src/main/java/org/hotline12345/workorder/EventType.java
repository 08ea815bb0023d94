package org.hotline12345.workorder;

/** What a history entry records. */
public enum EventType {
    REGISTERED, ANSWERED_DIRECTLY, DISPATCHED, ACCEPTED, RETURN_REQUESTED, RETURN_APPROVED, RETURN_REJECTED, REDISPATCHED, EXTENSION_REQUESTED, EXTENSION_APPROVED, EXTENSION_REJECTED, EXTENSION_WITHDRAWN, ASSIST_INPUT_SUBMITTED, REPLIED, REPLY_APPROVED,
    /** review failed, reopened (重办) */
    REPLY_REJECTED, CALLBACK_RECORDED, CLOSED, URGED, SUPERVISED,
    /** on the duplicate: closed and merged into the primary */
    MERGED,
    /** on the primary: a duplicate was merged into it */
    DUPLICATE_MERGED
}
