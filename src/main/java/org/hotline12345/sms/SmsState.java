package org.hotline12345.sms;

/** Where a queued message stands. */
public enum SmsState {
    /** waiting to be sent: now, after the quiet hours, or for its next attempt */
    QUEUED,
    /** claimed by a sender */
    SENDING,
    /** the SMSC took every part; no receipt yet */
    SENT,
    /** every part's receipt says delivered */
    DELIVERED,
    /** a part's receipt says it was not delivered */
    UNDELIVERED,
    /** refused for good, or every attempt failed */
    FAILED
}
