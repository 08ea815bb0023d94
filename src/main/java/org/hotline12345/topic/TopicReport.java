package org.hotline12345.topic;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hotline12345.category.CategoryView;
import org.hotline12345.common.Labels;
import org.hotline12345.workorder.Satisfaction;
import org.hotline12345.workorder.TopicReads.Lead;
import org.hotline12345.workorder.TopicReads.Order;
import org.hotline12345.workorder.TopicReads.Reply;
import org.hotline12345.workorder.WorkOrderStatus;

/**
 * The monthly topic's report (每月一题), computed from its work orders: the totals, the trend by day and by week, the
 * places, the categories, the lead departments' handling and their replies. Plain Java: the service reads the work
 * orders, this only counts.
 */
public final class TopicReport {

    /** What {@link #RESULT_CLOSED} and {@link #RESULT_OPEN} stand for: the work order is 办结 or still 在办. */
    static final String RESULT_CLOSED = "办结";
    static final String RESULT_OPEN = "在办";

    /** How long a reply's excerpt is on the report's list of work orders. */
    static final int EXCERPT = 60;

    /** What the hotline calls a place without a district or street. */
    static final String NO_PLACE = "未填写";

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /**
     * The topic's totals.
     *
     * @param inProgress not yet closed (在办)
     * @param returned approved returns (退单) of every department
     * @param rated work orders with the citizen's satisfaction (the callback's or the rating's)
     * @param satisfied those rated 满意 or 基本满意
     */
    public record Figures(long total, long closed, long inProgress, long departments, long replied, long returned,
            long rated, long satisfied) {
    }

    /** A day or a week of the period (its first and last day) and the work orders registered then. */
    public record Span(String label, LocalDate first, LocalDate last, long count) {
    }

    /** The work orders of a district (and street; null for the district's without a street). */
    public record Place(String district, String street, long count) {
    }

    /** The work orders of a category (the leaf a work order was registered in). */
    public record CategoryCount(String code, String name, long count) {
    }

    /**
     * A department's part in the topic.
     *
     * @param workOrders the work orders it led (主办) at some time, returned ones included
     * @param closed those it led to the end and that are closed
     * @param onTime those it led to the end and replied to by the reply deadline
     * @param returned its approved returns (退单)
     * @param rated those it led to the end that have the citizen's satisfaction
     * @param satisfied those rated 满意 or 基本满意
     */
    public record DepartmentLine(String code, String name, long workOrders, long closed, long onTime, long returned,
            long rated, long satisfied) {
    }

    /**
     * A work order of the topic as the report lists it.
     *
     * @param department the lead department now; null before dispatch or after an approved return
     * @param result {@value #RESULT_CLOSED} or {@value #RESULT_OPEN}
     * @param reply the latest reply's text, null without one; {@code replyExcerpt} its beginning
     */
    public record OrderLine(String number, String title, String registeredAt, String categoryName, String area,
            String department, String result, String statusLabel, String replyDepartment, String reply,
            String replyExcerpt, String satisfaction) {
    }

    /** The report: totals, trend by day and by week, places, categories, departments, work orders. */
    public record Report(Figures figures, List<Span> daily, List<Span> weekly, List<Place> places,
            List<CategoryCount> categories, List<DepartmentLine> departments, List<OrderLine> workOrders) {
    }

    private TopicReport() {
    }

    /** The codes of the chosen categories and of every category below them. */
    static Set<String> withSubcategories(Collection<String> chosen, Collection<CategoryView> all) {
        Map<String, List<String>> children = all.stream().filter(c -> c.parentCode() != null)
                .collect(Collectors.groupingBy(CategoryView::parentCode,
                        Collectors.mapping(CategoryView::code, Collectors.toList())));
        Set<String> codes = new LinkedHashSet<>();
        List<String> pending = new ArrayList<>(chosen);
        while (!pending.isEmpty()) {
            String code = pending.remove(pending.size() - 1);
            if (codes.add(code)) {
                pending.addAll(children.getOrDefault(code, List.of()));
            }
        }
        return codes;
    }

    /** Whether the work order's title or content holds any of the keywords (all match where there are none). */
    static boolean matches(List<String> keywords, String title, String content) {
        if (keywords.isEmpty()) {
            return true;
        }
        String text = (title + "\n" + content).toLowerCase(Locale.ROOT);
        return keywords.stream().anyMatch(k -> text.contains(k.toLowerCase(Locale.ROOT)));
    }

    /**
     * The report of the topic's work orders registered from {@code from} to {@code to} (days of the city, both
     * included): {@code leads} and {@code replies} are those of these work orders.
     */
    static Report compile(LocalDate from, LocalDate to, ZoneId zone, List<Order> orders, List<Lead> leads,
            List<Reply> replies) {
        Map<Long, Reply> replyOf = replies.stream().collect(Collectors.toMap(Reply::workOrderId, r -> r, (a, b) -> b));
        long closed = orders.stream().filter(o -> o.status() == WorkOrderStatus.CLOSED).count();
        long rated = orders.stream().filter(o -> o.satisfaction() != null).count();
        List<DepartmentLine> departments = departments(orders, leads);
        Figures figures = new Figures(orders.size(), closed, orders.size() - closed, departments.size(),
                orders.stream().filter(o -> replyOf.containsKey(o.id())).count(),
                leads.stream().filter(Lead::returned).count(), rated,
                orders.stream().filter(o -> satisfied(o.satisfaction())).count());
        List<LocalDate> days = orders.stream().map(o -> LocalDate.ofInstant(o.registeredAt(), zone)).toList();
        return new Report(figures, daily(from, to, days), weekly(from, to, days), places(orders),
                categories(orders), departments,
                orders.stream().map(o -> line(o, replyOf.get(o.id()), zone)).toList());
    }

    private static List<Span> daily(LocalDate from, LocalDate to, List<LocalDate> days) {
        Map<LocalDate, Long> counts = days.stream().collect(Collectors.groupingBy(d -> d, Collectors.counting()));
        List<Span> spans = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            spans.add(new Span(day.toString().substring(5), day, day, counts.getOrDefault(day, 0L)));
        }
        return spans;
    }

    /** Weeks of seven days from the period's first day; the last one ends with the period. */
    private static List<Span> weekly(LocalDate from, LocalDate to, List<LocalDate> days) {
        List<Span> spans = new ArrayList<>();
        int week = 1;
        for (LocalDate first = from; !first.isAfter(to); first = first.plusDays(7), week++) {
            LocalDate start = first;
            LocalDate last = first.plusDays(6).isAfter(to) ? to : first.plusDays(6);
            long count = days.stream().filter(d -> !d.isBefore(start) && !d.isAfter(last)).count();
            spans.add(new Span("第 " + week + " 周（" + start.toString().substring(5) + "—" + last.toString().substring(5)
                    + "）", start, last, count));
        }
        return spans;
    }

    private static List<Place> places(List<Order> orders) {
        Map<List<String>, Long> counts = orders.stream().collect(Collectors.groupingBy(
                o -> Arrays.asList(o.district(), o.street()), LinkedHashMap::new, Collectors.counting()));
        return counts.entrySet().stream()
                .map(e -> new Place(e.getKey().get(0), e.getKey().get(1), e.getValue()))
                .sorted(Comparator.comparingLong(Place::count).reversed()
                        .thenComparing(p -> Objects.toString(p.district(), ""))
                        .thenComparing(p -> Objects.toString(p.street(), "")))
                .toList();
    }

    private static List<CategoryCount> categories(List<Order> orders) {
        Map<String, String> names = new HashMap<>();
        orders.forEach(o -> names.put(o.categoryCode(), o.categoryName()));
        return orders.stream().collect(Collectors.groupingBy(Order::categoryCode, Collectors.counting())).entrySet()
                .stream().map(e -> new CategoryCount(e.getKey(), names.get(e.getKey()), e.getValue()))
                .sorted(Comparator.comparingLong(CategoryCount::count).reversed()
                        .thenComparing(CategoryCount::code))
                .toList();
    }

    private static List<DepartmentLine> departments(List<Order> orders, List<Lead> leads) {
        Map<String, String> names = new HashMap<>();
        Map<String, Set<Long>> led = new LinkedHashMap<>();
        Map<String, Long> returned = new HashMap<>();
        for (Lead lead : leads) {
            names.put(lead.departmentCode(), lead.departmentName());
            led.computeIfAbsent(lead.departmentCode(), c -> new LinkedHashSet<>()).add(lead.workOrderId());
            if (lead.returned()) {
                returned.merge(lead.departmentCode(), 1L, Long::sum);
            }
        }
        Map<String, List<Order>> leadingNow = orders.stream().filter(o -> o.leadDepartmentCode() != null)
                .collect(Collectors.groupingBy(Order::leadDepartmentCode));
        List<DepartmentLine> lines = new ArrayList<>();
        for (Map.Entry<String, Set<Long>> department : led.entrySet()) {
            String code = department.getKey();
            List<Order> own = leadingNow.getOrDefault(code, List.of());
            lines.add(new DepartmentLine(code, names.get(code), department.getValue().size(),
                    count(own, o -> o.status() == WorkOrderStatus.CLOSED), count(own, TopicReport::onTime),
                    returned.getOrDefault(code, 0L), count(own, o -> o.satisfaction() != null),
                    count(own, o -> satisfied(o.satisfaction()))));
        }
        lines.sort(Comparator.comparingLong(DepartmentLine::workOrders).reversed()
                .thenComparing(DepartmentLine::code));
        return lines;
    }

    private static long count(List<Order> orders, Function<Order, Boolean> test) {
        return orders.stream().filter(test::apply).count();
    }

    /** Replied by the reply deadline (the last one: extensions and reopening move it). */
    private static boolean onTime(Order order) {
        return order.repliedAt() != null && order.replyDeadline() != null
                && !order.repliedAt().isAfter(order.replyDeadline());
    }

    /** 满意 and 基本满意 count as satisfied, as the hotline's 满意率 counts them. */
    private static boolean satisfied(Satisfaction satisfaction) {
        return satisfaction == Satisfaction.SATISFIED || satisfaction == Satisfaction.BASICALLY_SATISFIED;
    }

    private static OrderLine line(Order order, Reply reply, ZoneId zone) {
        String text = reply == null ? null : reply.text();
        return new OrderLine(order.number(), order.title(), minutes(order.registeredAt(), zone), order.categoryName(),
                order.district() == null ? NO_PLACE : area(order.district(), order.street()),
                order.leadDepartmentName(),
                order.status() == WorkOrderStatus.CLOSED ? RESULT_CLOSED : RESULT_OPEN, Labels.label(order.status()),
                reply == null ? null : reply.departmentName(), text,
                text == null || text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "…",
                order.satisfaction() == null ? null : Labels.label(order.satisfaction()));
    }

    /** A place as the hotline writes it: district and street run together, the whole city where there is none. */
    static String area(String district, String street) {
        if (district == null) {
            return "全市";
        }
        return street == null ? district : district + street;
    }

    /** A time to the minute in the city's zone; null stays null. */
    static String minutes(Instant time, ZoneId zone) {
        return time == null ? null : time.atZone(zone).format(MINUTES);
    }
}
