package org.hotline12345.stats;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hotline12345.calendar.WorkingCalendar;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.common.Labels;
import org.hotline12345.telephony.report.PostCallRatings;
import org.hotline12345.telephony.report.RatingCounts;
import org.hotline12345.workorder.Channel;
import org.hotline12345.workorder.RequestType;

/**
 * Figures for supervisors over a period of the city's days: the three rates overall and per department, and the
 * volumes by day, channel, request type and top-level category. Work orders count by when they were registered;
 * callbacks by when they were made; post-call ratings (一次一评) by when they were given.
 */
@ApplicationScoped
public class StatsService {

    /** @param counts per day, in the order of {@code days} */
    public record Series(String name, List<Long> counts) {
    }

    public record DepartmentRates(String department, long holding, Rates rates) {
    }

    public record Named(String name, long count) {
    }

    /**
     * @param ratings 一次一评: the callers' five-level ratings after their calls, which the overall 满意率 counts with
     *        the callbacks' answers
     */
    public record Report(LocalDate from, LocalDate to, long registered, Rates rates, List<String> days,
            List<Series> byChannel, List<Series> byRequestType, List<Named> byCategory,
            List<DepartmentRates> departments, RatingCounts ratings) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    WorkingCalendar calendar;

    @Inject
    Clock clock;

    @Inject
    PostCallRatings postCallRatings;

    @Transactional
    public Report report(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw InvalidFieldException.unacceptable("to", "afterFrom", "截止日期早于起始日期");
        }
        if (from.plusDays(366).isBefore(to)) {
            throw InvalidFieldException.unacceptable("to", "maxPeriod", "统计期最长一年");
        }
        ZoneId zone = calendar.zone();
        Timestamp start = Timestamp.from(from.atStartOfDay(zone).toInstant());
        Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant());
        Timestamp now = Timestamp.from(clock.instant());
        List<String> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.add(day.toString());
        }
        List<DepartmentRates> departments = new ArrayList<>();
        long[] totals = new long[6];
        for (Object row : entityManager.createNativeQuery("""
                select d.name, count(*),
                  count(*) filter (where w.accepted_at is not null and w.accepted_at <= w.accept_deadline),
                  count(*) filter (where w.accept_deadline is not null
                                     and (w.accepted_at is not null or w.accept_deadline < ?3)),
                  count(*) filter (where w.resolved),
                  count(*) filter (where w.resolved is not null),
                  count(*) filter (where w.satisfaction in ('SATISFIED', 'BASICALLY_SATISFIED')),
                  count(*) filter (where w.satisfaction is not null)
                from work_order w join department d on d.id = w.lead_department_id
                where w.registered_at >= ?1 and w.registered_at < ?2
                group by d.name order by count(*) desc, d.name
                """).setParameter(1, start).setParameter(2, end).setParameter(3, now).getResultList()) {
            Object[] c = (Object[]) row;
            long[] n = new long[6];
            for (int i = 0; i < 6; i++) {
                n[i] = ((Number) c[i + 2]).longValue();
                totals[i] += n[i];
            }
            departments.add(new DepartmentRates((String) c[0], ((Number) c[1]).longValue(), rates(n)));
        }
        long registered = ((Number) entityManager.createNativeQuery(
                "select count(*) from work_order where registered_at >= ?1 and registered_at < ?2")
                .setParameter(1, start).setParameter(2, end).getSingleResult()).longValue();
        RatingCounts ratings = postCallRatings.between(start.toInstant(), end.toInstant());
        // the overall 满意率 counts the post-call ratings (一次一评) with the callbacks; departments' only callbacks
        totals[4] += ratings.satisfied();
        totals[5] += ratings.total();
        return new Report(from, to, registered, rates(totals), days,
                series("channel", Channel.values(), days, start, end, zone),
                series("request_type", RequestType.values(), days, start, end, zone), categories(start, end),
                departments, ratings);
    }

    private static Rates rates(long[] n) {
        return new Rates(Rates.Rate.of(n[0], n[1]), Rates.Rate.of(n[2], n[3]), Rates.Rate.of(n[4], n[5]));
    }

    /** Daily counts per value of an enum column, every value present (zeros included) so that charts line up. */
    private List<Series> series(String column, Enum<?>[] values, List<String> days, Timestamp start, Timestamp end,
            ZoneId zone) {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        for (Object row : entityManager
                .createNativeQuery("select " + column + ", to_char(registered_at at time zone ?3,"
                        + " 'YYYY-MM-DD'), count(*) from work_order where registered_at >= ?1 and registered_at < ?2"
                        + " group by 1, 2")
                .setParameter(1, start).setParameter(2, end).setParameter(3, zone.getId())
                .getResultList()) {
            Object[] c = (Object[]) row;
            counts.computeIfAbsent((String) c[0], key -> new LinkedHashMap<>()).put((String) c[1],
                    ((Number) c[2]).longValue());
        }
        List<Series> series = new ArrayList<>();
        for (Enum<?> value : values) {
            Map<String, Long> byDay = counts.getOrDefault(value.name(), Map.of());
            series.add(new Series(Labels.label(value), days.stream().map(day -> byDay.getOrDefault(day, 0L))
                    .toList()));
        }
        return series;
    }

    private List<Named> categories(Timestamp start, Timestamp end) {
        List<Named> named = new ArrayList<>();
        for (Object row : entityManager.createNativeQuery("""
                select coalesce(g.name, p.name, c.name) as top, count(*) from work_order w
                join category c on c.id = w.category_id
                left join category p on p.id = c.parent_id
                left join category g on g.id = p.parent_id
                where w.registered_at >= ?1 and w.registered_at < ?2
                group by 1 order by count(*) desc, 1 limit 10
                """).setParameter(1, start).setParameter(2, end).getResultList()) {
            Object[] c = (Object[]) row;
            named.add(new Named((String) c[0], ((Number) c[1]).longValue()));
        }
        return named;
    }

    /** Today in the city, where a default period ends. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), calendar.zone());
    }
}
