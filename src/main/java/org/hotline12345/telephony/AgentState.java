package org.hotline12345.telephony;

/** Where an agent stands with the queues, as the wallboard counts them. */
public enum AgentState {
    /** 未签入: not a member of any queue */
    LOGGED_OUT,
    /** 空闲: takes the next call */
    READY,
    /** 小休 / 示忙: logged in but taking no calls, with a reason */
    PAUSED,
    /** 振铃: a queue call rings at the agent's phone */
    RINGING,
    /** 通话中 */
    ON_CALL,
    /** 话后处理: the call ended; the queue gives the agent time before the next */
    WRAP_UP,
    /** 话机离线: logged in but the phone is not registered or unreachable */
    UNAVAILABLE
}
