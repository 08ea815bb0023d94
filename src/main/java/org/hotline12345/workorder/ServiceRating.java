package org.hotline12345.workorder;

/**
 * 好差评: the five levels of the national government-service rating (一事一评, 一次一评), given by citizens online and
 * after a call. The hotline's rates count in the three levels of the callback ({@link Satisfaction}); {@link
 * #satisfaction()} is that mapping, kept here so that every rate counts the five levels alike.
 */
public enum ServiceRating {
    /** 非常满意 */
    VERY_SATISFIED(5, Satisfaction.SATISFIED),
    /** 满意 */
    SATISFIED(4, Satisfaction.SATISFIED),
    /** 基本满意 */
    BASICALLY_SATISFIED(3, Satisfaction.BASICALLY_SATISFIED),
    /** 不满意: goes to the hotline's review of bad ratings (差评核实) */
    DISSATISFIED(2, Satisfaction.DISSATISFIED),
    /** 非常不满意: goes to the hotline's review of bad ratings (差评核实) */
    VERY_DISSATISFIED(1, Satisfaction.DISSATISFIED);

    private final int score;
    private final Satisfaction satisfaction;

    ServiceRating(int score, Satisfaction satisfaction) {
        this.score = score;
        this.satisfaction = satisfaction;
    }

    /** 5 for 非常满意 down to 1 for 非常不满意, as a key pressed on the survey. */
    public int score() {
        return score;
    }

    /** The level of the three-level callback this rating counts as in the rates. */
    public Satisfaction satisfaction() {
        return satisfaction;
    }

    /** Whether the rating is bad enough for the hotline to verify it (差评核实). */
    public boolean isBad() {
        return satisfaction == Satisfaction.DISSATISFIED;
    }

    /** @throws IllegalArgumentException for a score outside 1–5 */
    public static ServiceRating ofScore(int score) {
        for (ServiceRating rating : values()) {
            if (rating.score == score) {
                return rating;
            }
        }
        throw new IllegalArgumentException("a rating is scored 1 to 5, not " + score);
    }
}
