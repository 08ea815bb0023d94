package org.hotline12345.telephony.callback;

/** Where a missed call's callback stands: open while on the list, closed once done with. */
public enum MissedCallStatus {
    /** 待回拨 */
    WAITING,
    /** 回拨中: an agent took it and is calling */
    CALLING,
    /** 已回拨接通 */
    REACHED,
    /** 号码错误 */
    WRONG_NUMBER,
    /** 多次未接通: the attempts are used up */
    UNREACHABLE,
    /** 已再次来电: the caller called again and an agent answered, before any callback */
    CALLED_IN;

    public boolean open() {
        return this == WAITING || this == CALLING;
    }
}
