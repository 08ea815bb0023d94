package org.hotline12345.telephony;

public enum CallDirection {
    /** 呼入: a citizen or enterprise called 12345 */
    INBOUND,
    /** 呼出: a callback (回访) or consultation the service placed */
    OUTBOUND
}
