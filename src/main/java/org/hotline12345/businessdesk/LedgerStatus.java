package org.hotline12345.businessdesk;

/** Where a ledger entry stands on its way to sign-off (销号). */
public enum LedgerStatus {
    /** 办理中: with the department, or back with it after a rejected sign-off */
    OPEN,
    /** 已核实: the department's reply was verified with the enterprise */
    VERIFIED,
    /** 待销号: waiting for a second desk member or the desk lead */
    SIGN_OFF_REQUESTED,
    /** 已销号 */
    SIGNED_OFF
}
