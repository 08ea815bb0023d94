package org.hotline12345.workorder;

/** How fast the work order must be handled; urgent ones run on elapsed hours around the clock. */
public enum Urgency {
    /** 一般 */
    NORMAL,
    /** 紧急 */
    URGENT
}
