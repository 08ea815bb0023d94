package org.hotline12345.telephony.report;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import org.hotline12345.workorder.Satisfaction;
import org.hotline12345.workorder.ServiceRating;

/**
 * 一次一评: how many callers gave each of the five levels after their call, and what they come to in the three-level
 * satisfaction the rates count ({@link ServiceRating#satisfaction()}).
 *
 * @param byLevel every level, zero included
 */
public record RatingCounts(Map<ServiceRating, Long> byLevel) {

    public RatingCounts {
        EnumMap<ServiceRating, Long> all = new EnumMap<>(ServiceRating.class);
        for (ServiceRating rating : ServiceRating.values()) {
            all.put(rating, byLevel.getOrDefault(rating, 0L));
        }
        byLevel = Collections.unmodifiableMap(all);
    }

    public static RatingCounts none() {
        return new RatingCounts(Map.of());
    }

    public long total() {
        return byLevel.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Ratings that count as 满意 or 基本满意. */
    public long satisfied() {
        return byLevel.entrySet().stream()
                .filter(entry -> entry.getKey().satisfaction() != Satisfaction.DISSATISFIED)
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** {@code satisfied / total}, {@code null} without ratings. */
    public Double satisfiedShare() {
        long total = total();
        return total == 0 ? null : (double) satisfied() / total;
    }

    public long of(ServiceRating rating) {
        return byLevel.get(rating);
    }
}
