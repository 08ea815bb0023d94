package org.hotline12345.telephony.callback;

/** Why the hotline missed a call. */
public enum MissedCallReason {
    /** 排队放弃: the caller hung up while waiting for an agent */
    ABANDONED,
    /** 未接通: the queue let the caller go unanswered (no agent signed in, the longest wait passed) */
    UNANSWERED,
    /** 非服务时间: the call came outside service hours */
    AFTER_HOURS
}
