package org.hotline12345.intake;

/** Where an online request stands in the agents' list 待受理. */
public enum IntakeState {
    /** 待受理 */
    PENDING,
    /** 已受理: registered as a work order under its number */
    REGISTERED,
    /** 不予受理: not a request the hotline takes */
    REFUSED
}
