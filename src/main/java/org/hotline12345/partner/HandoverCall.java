package org.hotline12345.partner;

/**
 * What becomes of the citizen's call when its work order goes to 110 as a 警单 while the agent is still on the line
 * (工单警单双向流转: the 警单 arrives with the call already on its way).
 */
public enum HandoverCall {
    /** The call is not touched: the work order goes on its own (the call has ended, or 110 calls the citizen). */
    NONE,
    /** The caller is transferred to 110 and the agent's leg ends (ownership is clear: a police matter). */
    TRANSFER,
    /** 三方通话: 110 is called into a room with the caller and the agent, who stays until it is settled. */
    THREE_WAY
}
