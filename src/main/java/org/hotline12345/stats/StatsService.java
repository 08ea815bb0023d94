package org.hotline12345.stats;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hotline12345.calendar.WorkingCalendar;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.common.Labels;
import org.hotline12345.telephony.report.PostCallRatings;
import org.hotline12345.telephony.report.RatingCounts;
import org.hotline12345.workorder.Channel;
import org.hotline12345.workorder.RequestType;
import org.hotline12345.workorder.WorkOrderStatistics;
import org.hotline12345.workorder.WorkOrderStatistics.DailyBy;
import org.hotline12345.workorder.WorkOrderStatistics.DepartmentCounts;

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
    WorkOrderStatistics workOrders;

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
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        Instant now = clock.instant();
        List<String> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.add(day.toString());
        }
        List<DepartmentRates> departments = new ArrayList<>();
        long[] totals = new long[6];
        for (DepartmentCounts counts : workOrders.byLeadDepartment(start, end, now)) {
            long[] n = {counts.acceptedInTime(), counts.acceptDue(), counts.resolved(), counts.resolvedAnswered(),
                    counts.satisfied(), counts.satisfactionAnswered()};
            for (int i = 0; i < 6; i++) {
                totals[i] += n[i];
            }
            departments.add(new DepartmentRates(counts.department(), counts.registered(), rates(n)));
        }
        long registered = workOrders.registered(start, end);
        RatingCounts ratings = postCallRatings.between(start, end);
        // the overall 满意率 counts the post-call ratings (一次一评) with the callbacks; departments' only callbacks
        totals[4] += ratings.satisfied();
        totals[5] += ratings.total();
        return new Report(from, to, registered, rates(totals), days,
                series(DailyBy.CHANNEL, Channel.values(), days, start, end, zone),
                series(DailyBy.REQUEST_TYPE, RequestType.values(), days, start, end, zone),
                workOrders.topCategories(start, end, 10).stream().map(c -> new Named(c.name(), c.count())).toList(),
                departments, ratings);
    }

    private static Rates rates(long[] n) {
        return new Rates(Rates.Rate.of(n[0], n[1]), Rates.Rate.of(n[2], n[3]), Rates.Rate.of(n[4], n[5]));
    }

    /** Daily counts per value of an enum column, every value present (zeros included) so that charts line up. */
    private List<Series> series(DailyBy by, Enum<?>[] values, List<String> days, Instant start, Instant end,
            ZoneId zone) {
        Map<String, Map<String, Long>> counts = workOrders.daily(by, start, end, zone);
        List<Series> series = new ArrayList<>();
        for (Enum<?> value : values) {
            Map<String, Long> byDay = counts.getOrDefault(value.name(), Map.of());
            series.add(new Series(Labels.label(value), days.stream().map(day -> byDay.getOrDefault(day, 0L))
                    .toList()));
        }
        return series;
    }

    /** Today in the city, where a default period ends. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), calendar.zone());
    }
}
