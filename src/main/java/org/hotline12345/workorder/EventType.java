package org.hotline12345.workorder;

/** What a history entry records. */
public enum EventType {
    REGISTERED, ANSWERED_DIRECTLY, DISPATCHED, ACCEPTED, RETURN_REQUESTED, RETURN_APPROVED, RETURN_REJECTED, REDISPATCHED, EXTENSION_REQUESTED, EXTENSION_APPROVED, EXTENSION_REJECTED, EXTENSION_WITHDRAWN, ASSIST_INPUT_SUBMITTED, REPLIED, REPLY_APPROVED,
    /** review failed, reopened (重办) */
    REPLY_REJECTED, CALLBACK_RECORDED, CLOSED, URGED, SUPERVISED,
    /** on the duplicate: closed and merged into the primary */
    MERGED,
    /** on the primary: a duplicate was merged into it */
    DUPLICATE_MERGED,
    /** 关联, on the later request: it records the existing work order about the same matter (a 重复件 if still open) */
    RELATED,
    /** 关联, on the existing work order: a later request about the same matter was related to it */
    RELATED_LATER,
    /** 黄牌: little time left on a clock; the department is urged automatically */
    YELLOW_CARD,
    /** 红牌: a clock ran out */
    RED_CARD,
    /** 督办 raised automatically: a clock has been out for the configured working days */
    ESCALATED,
    /** 涉企诉求: marked for the business-environment desk */
    MARKED_ENTERPRISE_REQUEST,
    /** automatic dispatch was not sure enough, or found nobody responsible; what it suggested, and why */
    DISPATCH_SUGGESTED,
    /** the clock moved (extension, return decision, re-dispatch, reopen), so its cards no longer apply */
    CARD_LIFTED,
    /** an administrator changed the holiday arrangement of a year the running clocks pass through */
    DEADLINES_RECALCULATED,
    /** 好差评: the citizen rated the handling on five levels */
    SERVICE_RATED,
    /** 差评核实 upheld a bad rating: reopened (重办) to the department */
    REOPENED_AFTER_RATING,
    /** handed to a partner system (110, another city's platform), or what it reported back (its 受理, its result) */
    PARTNER_EXCHANGE;

    /** Events the deadline supervision records, never a person. */
    public boolean isSupervision() {
        return this == YELLOW_CARD || this == RED_CARD || this == ESCALATED || this == CARD_LIFTED;
    }
}
