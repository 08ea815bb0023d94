package org.hotline12345.telephony.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hotline12345.workorder.ServiceRating;

/** 一次一评 as other features count it: the ratings callers gave after their calls within a period. */
@ApplicationScoped
public class PostCallRatings {

    @Inject
    EntityManager entityManager;

    /** Ratings given within [from, to). */
    @Transactional
    public RatingCounts between(Instant from, Instant to) {
        Map<ServiceRating, Long> counts = new EnumMap<>(ServiceRating.class);
        for (Object row : entityManager.createNativeQuery("select service_rating, count(*) from call_record"
                + " where service_rating is not null and surveyed_at >= ?1 and surveyed_at < ?2 group by 1")
                .setParameter(1, Timestamp.from(from)).setParameter(2, Timestamp.from(to)).getResultList()) {
            Object[] c = (Object[]) row;
            counts.put(ServiceRating.valueOf((String) c[0]), ((Number) c[1]).longValue());
        }
        return RatingCounts.of(counts);
    }
}
