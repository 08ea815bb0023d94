package org.hotline12345.hotspot;

/** Where a hotspot stands: open until a supervisor acts on it or dismisses it. */
public enum HotspotStatus {
    /** 待处理 */
    OPEN,
    /** 已主动治理: a proactive work order was registered for it */
    ACTED,
    /** 已忽略, with the supervisor's reason */
    DISMISSED
}
