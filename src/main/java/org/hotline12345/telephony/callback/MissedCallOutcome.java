package org.hotline12345.telephony.callback;

/** What a callback attempt came to, as the agent who made it records it. */
public enum MissedCallOutcome {
    /** 已接通 */
    REACHED,
    /** 忙线 */
    BUSY,
    /** 无人接听 */
    NO_ANSWER,
    /** 号码错误 */
    WRONG_NUMBER;

    /** Whether the number is to be tried again (while attempts are left). */
    public boolean tryAgain() {
        return this == BUSY || this == NO_ANSWER;
    }
}
