package org.hotline12345.rating;

/** What the hotline decides on a bad rating. */
public enum ReviewDecision {
    /** 属实，重办: reopened to the department that replied */
    REOPEN,
    /** 属实，督办: reopened and put under formal supervision */
    SUPERVISE,
    /** 不属实: kept, with the reason */
    NOT_UPHELD
}
