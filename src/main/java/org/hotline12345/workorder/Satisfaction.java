package org.hotline12345.workorder;

/** 满意度, as the citizen states it on the callback. */
public enum Satisfaction {
    /** 满意 */
    SATISFIED,
    /** 基本满意 */
    BASICALLY_SATISFIED,
    /** 不满意: reopens the work order */
    DISSATISFIED
}
