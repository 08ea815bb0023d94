package org.hotline12345.workorder;

/** A department's part in a dispatch (联办). */
public enum AssignmentRole {
    /** 主办: accepts, handles and replies */
    LEAD,
    /** 协办: contributes its input to the lead's reply */
    ASSISTING
}
