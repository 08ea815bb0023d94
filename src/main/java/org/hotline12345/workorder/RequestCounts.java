package org.hotline12345.workorder;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.hotline12345.common.SqlValues;

/**
 * The citizens' requests as the hotspot analysis counts them, as records: the work orders registered in a period,
 * their counts per category and place, and the counts of one category at one place. A merged duplicate (并单) is not a
 * request of its own, and a proactive work order (主动治理) is the hotline's, not a citizen's: both are left out.
 */
@ApplicationScoped
public class RequestCounts {

    /** A request registered in the period. */
    public record Registered(long id, String number, String title, String content, RequestType requestType,
            String categoryCode, String district, String street, Instant registeredAt) {
    }

    /** How many requests one category had at one place (district and street, either may be null). */
    public record PlaceCount(String categoryCode, String district, String street, long count) {
    }

    /** What is counted: a category (null for all) at a place (district null for the city, street null for all). */
    public record Scope(String categoryCode, String district, String street) {
    }

    private static final String REQUESTS = " from work_order w join category c on c.id = w.category_id"
            + " where w.registered_at >= ?1 and w.registered_at < ?2 and w.merged_into_number is null"
            + " and w.channel <> '" + Channel.PROACTIVE.name() + "'";

    @Inject
    EntityManager entityManager;

    /** The requests registered from {@code start} (inclusive) to {@code end}, oldest first. */
    @Transactional
    public List<Registered> registered(Instant start, Instant end) {
        List<Registered> found = new ArrayList<>();
        for (Object row : period("select w.id, w.number, w.title, w.content, w.request_type, c.code, w.district,"
                + " w.street, w.registered_at" + REQUESTS + " order by w.registered_at, w.id", start, end)
                .getResultList()) {
            Object[] c = (Object[]) row;
            found.add(new Registered(((Number) c[0]).longValue(), (String) c[1], (String) c[2], (String) c[3],
                    RequestType.valueOf((String) c[4]), (String) c[5], (String) c[6], (String) c[7],
                    SqlValues.instant(c[8])));
        }
        return found;
    }

    /** The requests registered from {@code start} to {@code end} per category, district and street. */
    @Transactional
    public List<PlaceCount> byPlace(Instant start, Instant end) {
        List<PlaceCount> counts = new ArrayList<>();
        for (Object row : period("select c.code, w.district, w.street, count(*)" + REQUESTS + " group by 1, 2, 3",
                start, end).getResultList()) {
            Object[] c = (Object[]) row;
            counts.add(new PlaceCount((String) c[0], (String) c[1], (String) c[2], ((Number) c[3]).longValue()));
        }
        return counts;
    }

    /** The requests of the scope registered from {@code start} to {@code end}. */
    @Transactional
    public long count(Scope scope, Instant start, Instant end) {
        return ((Number) scoped("select count(*)" + REQUESTS, scope, start, end, "").getSingleResult()).longValue();
    }

    /** The requests of the scope per day of the city, {@code days} days from {@code first}, one count per day. */
    @Transactional
    public List<Long> daily(Scope scope, LocalDate first, int days, ZoneId zone) {
        long[] counts = new long[days];
        Instant start = first.atStartOfDay(zone).toInstant();
        Instant end = first.plusDays(days).atStartOfDay(zone).toInstant();
        for (Object row : scoped(
                "select to_char(w.registered_at at time zone '" + zone.getId() + "', 'YYYY-MM-DD'), count(*)"
                        + REQUESTS,
                scope, start, end, " group by 1").getResultList()) {
            Object[] c = (Object[]) row;
            int day = (int) (LocalDate.parse((String) c[0]).toEpochDay() - first.toEpochDay());
            if (day >= 0 && day < days) {
                counts[day] = ((Number) c[1]).longValue();
            }
        }
        List<Long> series = new ArrayList<>(days);
        for (long count : counts) {
            series.add(count);
        }
        return series;
    }

    private Query period(String sql, Instant start, Instant end) {
        return entityManager.createNativeQuery(sql).setParameter(1, Timestamp.from(start))
                .setParameter(2, Timestamp.from(end));
    }

    private Query scoped(String select, Scope scope, Instant start, Instant end, String tail) {
        StringBuilder sql = new StringBuilder(select);
        List<String> values = new ArrayList<>();
        if (scope.categoryCode() != null) {
            sql.append(" and c.code = ?").append(values.size() + 3);
            values.add(scope.categoryCode());
        }
        if (scope.district() != null) {
            sql.append(" and w.district = ?").append(values.size() + 3);
            values.add(scope.district());
            if (scope.street() != null) {
                sql.append(" and w.street = ?").append(values.size() + 3);
                values.add(scope.street());
            }
        }
        Query query = period(sql.append(tail).toString(), start, end);
        for (int i = 0; i < values.size(); i++) {
            query.setParameter(i + 3, values.get(i));
        }
        return query;
    }
}
