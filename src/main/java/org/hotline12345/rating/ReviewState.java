package org.hotline12345.rating;

/** Where a rating stands in the hotline's review of bad ratings (差评核实). */
public enum ReviewState {
    /** 满意 or better: nothing to review */
    NOT_NEEDED,
    /** 待核实 */
    PENDING,
    /** 属实: the work order was reopened (重办) or supervised (督办) */
    UPHELD,
    /** 不属实: the rating is kept with the reason */
    NOT_UPHELD
}
