package org.hotline12345.sms;

import java.util.List;

/**
 * What a message tells the citizen; each kind has its template, editable by administrators, with the placeholders it
 * may use. Urgent kinds go out at any hour; the others wait out the quiet hours.
 */
public enum SmsKind {
    /** 验证码: proves the phone number on the portal */
    VERIFICATION_CODE(true, true, List.of("code", "minutes")),
    /** 回执: the work-order number and the 提取码 of an online request */
    RECEIPT(true, false, List.of("number", "extractionCode", "link")),
    /** 不予受理: the online request is not a request the hotline takes, and why */
    REFUSED(false, false, List.of("number", "reason")),
    /** 转办: registered and sent to the department that handles it */
    DISPATCHED(false, false, List.of("number", "department")),
    /** 答复: the department's reply passed the hotline's review and can be read */
    REPLIED(false, false, List.of("number", "link")),
    /** 办结 */
    CLOSED(false, false, List.of("number")),
    /** 好差评: the invitation to rate the handling, with its link */
    RATING_INVITATION(false, false, List.of("number", "link"));

    private final boolean urgent;
    private final boolean secret;
    private final List<String> placeholders;

    SmsKind(boolean urgent, boolean secret, List<String> placeholders) {
        this.urgent = urgent;
        this.secret = secret;
        this.placeholders = placeholders;
    }

    /** Sent at any hour: the citizen is waiting for it. */
    public boolean urgent() {
        return urgent;
    }

    /** Its text proves something (a code): never logged, and cleared from the queue once sent. */
    public boolean secret() {
        return secret;
    }

    /** The names a template of this kind may use as {@code {name}}. */
    public List<String> placeholders() {
        return placeholders;
    }
}
