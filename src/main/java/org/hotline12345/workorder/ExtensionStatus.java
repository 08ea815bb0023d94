package org.hotline12345.workorder;

/** State of an extension request (延期申请). */
public enum ExtensionStatus {
    PENDING, APPROVED, REJECTED,
    /** the work order left the department's hands (reply, return) before anyone decided */
    WITHDRAWN
}
