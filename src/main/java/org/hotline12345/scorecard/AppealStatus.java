package org.hotline12345.scorecard;

/** Where an appeal stands. */
public enum AppealStatus {
    /** 待审核 */
    PENDING,
    /** 申诉成立: the work order leaves the department's figures */
    UPHELD,
    /** 申诉不成立 */
    REJECTED
}
