package org.hotline12345.businessdesk;

/** A referral to discipline inspection (纪检监察移送), proposed by a desk member and decided by the desk lead. */
public enum ReferralStatus {
    PROPOSED, APPROVED, REJECTED
}
