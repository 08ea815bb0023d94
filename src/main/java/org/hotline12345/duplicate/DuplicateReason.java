package org.hotline12345.duplicate;

/** Why an earlier work order is offered as the same matter. */
public enum DuplicateReason {
    /** the same caller's number within the window */
    SAME_PHONE,
    /** the same district (and street) and category, with similar text */
    SIMILAR_TEXT,
    /** the same enterprise (credit code or name) */
    SAME_ENTERPRISE
}
