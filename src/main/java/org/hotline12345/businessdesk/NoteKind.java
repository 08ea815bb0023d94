package org.hotline12345.businessdesk;

/** What an entry of a ledger entry's trail records. */
public enum NoteKind {
    /** 台账建立 */
    OPENED,
    /** 进展记录 */
    PROGRESS, CLASSIFIED, OWNER_ASSIGNED,
    /** 核实 */
    VERIFIED, SIGN_OFF_REQUESTED,
    /** 销号 */
    SIGNED_OFF,
    /** 销号被驳回: the work order went back to the department */
    SIGN_OFF_REJECTED,
    /** a referral to discipline inspection was proposed or decided; shown to the desk only */
    REFERRAL;

    /** Notes departments never see. */
    public boolean deskOnly() {
        return this == REFERRAL;
    }
}
