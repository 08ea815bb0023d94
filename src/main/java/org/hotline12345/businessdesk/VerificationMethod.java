package org.hotline12345.businessdesk;

/** How the desk verified a department's reply with the enterprise. */
public enum VerificationMethod {
    /** 电话回访 */
    PHONE,
    /** 实地走访 */
    VISIT,
    /** 线上 */
    ONLINE,
    /** 书面 */
    LETTER
}
