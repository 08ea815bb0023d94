package org.hotline12345.stats;

import java.util.Locale;

/**
 * The three rates the 12345 assessment is built on, each with its count and base so a reader sees what it rests on.
 *
 * @param accepted 响应率: dispatched work orders accepted within the accept limit, of those accepted or due
 * @param resolved 解决率: callbacks where the citizen said it was resolved, of callbacks that reached the citizen
 * @param satisfied 满意率: 满意 or 基本满意, of callbacks with a satisfaction answer; overall also of the callers'
 *        ratings after their calls (一次一评, five levels counted as three by {@code ServiceRating.satisfaction()})
 */
public record Rates(Rate accepted, Rate resolved, Rate satisfied) {

    /** @param share {@code null} while the base is empty */
    public record Rate(long count, long base, Double share) {

        public static Rate of(long count, long base) {
            return new Rate(count, base, base == 0 ? null : (double) count / base);
        }

        /** 96.5% or — */
        public String percent() {
            return share == null ? "—" : String.format(Locale.ROOT, "%.1f%%", share * 100);
        }
    }
}
