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
 * @param satisfied ratings that count as 满意 or 基本满意
 * @param satisfiedShare {@code satisfied / total}, {@code null} without ratings
 */
public record RatingCounts(Map<ServiceRating, Long> byLevel, long total, long satisfied, Double satisfiedShare) {

    public static RatingCounts of(Map<ServiceRating, Long> counts) {
        EnumMap<ServiceRating, Long> all = new EnumMap<>(ServiceRating.class);
        long total = 0;
        long satisfied = 0;
        for (ServiceRating rating : ServiceRating.values()) {
            long count = counts.getOrDefault(rating, 0L);
            all.put(rating, count);
            total += count;
            satisfied += rating.satisfaction() != Satisfaction.DISSATISFIED ? count : 0;
        }
        return new RatingCounts(Collections.unmodifiableMap(all), total, satisfied,
                total == 0 ? null : (double) satisfied / total);
    }

    public long count(ServiceRating rating) {
        return byLevel.get(rating);
    }
}
