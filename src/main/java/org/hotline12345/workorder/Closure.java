package org.hotline12345.workorder;

/** How a closed work order ended. */
public enum Closure {
    /** 即问即答: the agent resolved it on the call; never dispatched */
    ANSWERED_DIRECTLY,
    /** 办结 after the callback */
    CALLBACK_COMPLETED,
    /** closed by a supervisor without a callback, e.g. the citizen could not be reached */
    CLOSED_WITHOUT_CALLBACK,
    /** 并单: a duplicate merged into another work order */
    MERGED
}
