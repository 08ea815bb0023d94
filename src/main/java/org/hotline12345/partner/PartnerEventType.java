package org.hotline12345.partner;

/** The changes a partner hears of, as the {@code type} of an event. */
public enum PartnerEventType {
    /** 受理: registered as a work order */
    ACCEPTED,
    /** 不予受理, with the reason */
    REFUSED,
    /** 转办: dispatched to a department */
    TRANSFERRED,
    /** 答复: the reply the hotline approved */
    REPLIED,
    /** 办结 */
    CLOSED,
    /** 评价: the citizen's 好差评 */
    RATED,
    /** handed to this partner: a 警单 to 110, a work order passed on to another city (转外地) */
    HANDED_OVER
}
