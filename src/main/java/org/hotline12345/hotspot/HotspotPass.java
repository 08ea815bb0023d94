package org.hotline12345.hotspot;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hotline12345.calendar.WorkingCalendar;
import org.hotline12345.category.CategoryDirectory;
import org.hotline12345.category.CategoryView;
import org.hotline12345.department.DepartmentView;
import org.hotline12345.dispatch.ResponsibilityList;
import org.hotline12345.dispatch.ResponsibilityList.Responsibility;
import org.hotline12345.hotspot.HotspotDetection.Key;
import org.hotline12345.hotspot.HotspotDetection.PlaceCount;
import org.hotline12345.hotspot.HotspotDetection.Raised;
import org.hotline12345.hotspot.HotspotDetection.Request;
import org.hotline12345.hotspot.HotspotDetection.Rules;
import org.hotline12345.hotspot.HotspotStore.NewHotspot;
import org.hotline12345.notification.NewNotification;
import org.hotline12345.notification.NotificationKind;
import org.hotline12345.notification.NotificationService;
import org.hotline12345.user.AppUserRepository;
import org.hotline12345.user.Role;
import org.hotline12345.workorder.RequestCounts;
import org.hotline12345.workorder.RequestCounts.Registered;
import org.hotline12345.workorder.RequestCounts.Scope;
import org.hotline12345.workorder.RequestType;

/**
 * One hotspot pass: the requests of each window tested against the same hours of past weeks
 * ({@link HotspotDetection}), the groups of similar texts of the cluster window ({@link TextClusters}), each new
 * hotspot stored with its trend and responsible department, and the supervisors and that department notified.
 */
@ApplicationScoped
public class HotspotPass {

    /** Days of the trend a hotspot keeps, up to the day it was raised. */
    static final int TREND_DAYS = 14;

    private static final Duration WEEK = Duration.ofDays(7);

    /** What one pass found and raised. */
    public record Result(int requests, int candidates, List<Long> raised) {
    }

    /** A hotspot found in this pass, before it is stored. */
    private record Candidate(HotspotKind kind, Key scope, List<Registered> requests, Instant windowStart,
            Double expected, Double pValue) {
    }

    @Inject
    HotspotConfig config;

    @Inject
    RequestCounts counts;

    @Inject
    HotspotStore store;

    @Inject
    CategoryDirectory categories;

    @Inject
    ResponsibilityList responsibilities;

    @Inject
    NotificationService notifications;

    @Inject
    AppUserRepository users;

    @Inject
    WorkingCalendar calendar;

    /** Finds the hotspots of the windows ending at {@code now} and raises those not raised yet. */
    public Result pass(Instant now) {
        Duration longest = Stream.concat(config.windows().stream(), Stream.of(config.clusterWindow()))
                .max(Comparator.naturalOrder()).orElseThrow();
        List<Registered> recent = counts.registered(now.minus(longest), now);
        Map<Long, Registered> byId = recent.stream()
                .collect(Collectors.toMap(Registered::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Rules rules = new Rules(config.alpha(), config.minimumCount(), config.minimumExpected());

        Map<Key, Candidate> found = new LinkedHashMap<>();
        for (Duration window : config.windows()) {
            Instant start = now.minus(window);
            List<Request> requests = recent.stream().filter(r -> !r.registeredAt().isBefore(start))
                    .map(r -> new Request(r.id(), r.categoryCode(), r.district(), r.street())).toList();
            List<List<PlaceCount>> history = new ArrayList<>();
            for (int week = 1; week <= config.weeks(); week++) {
                history.add(counts.byPlace(start.minus(WEEK.multipliedBy(week)), now.minus(WEEK.multipliedBy(week)))
                        .stream().map(c -> new PlaceCount(c.categoryCode(), c.district(), c.street(), c.count()))
                        .toList());
            }
            for (Raised raised : HotspotDetection.detect(requests, history, rules)) {
                Candidate candidate = new Candidate(HotspotKind.COUNT, raised.key(),
                        raised.requestIds().stream().map(byId::get).toList(), start, raised.expected(),
                        raised.pValue());
                // the same key in several windows: the window where it stands out most
                found.merge(raised.key(), candidate, (a, b) -> b.pValue() < a.pValue() ? b : a);
            }
        }
        List<Candidate> candidates = new ArrayList<>(found.values());
        candidates.addAll(textGroups(recent, now, candidates));

        List<Long> raised = new ArrayList<>();
        for (Candidate candidate : candidates) {
            store.raise(hotspot(candidate, now), now).ifPresent(id -> {
                raised.add(id);
                notifyOf(id);
            });
        }
        return new Result(recent.size(), candidates.size(), raised);
    }

    /**
     * The groups of similar texts of the cluster window; a group whose requests are mostly behind a count hotspot of
     * this pass is that hotspot already.
     */
    private List<Candidate> textGroups(List<Registered> recent, Instant now, List<Candidate> counted) {
        Instant start = now.minus(config.clusterWindow());
        List<Registered> window = recent.stream().filter(r -> !r.registeredAt().isBefore(start)).toList();
        Set<Long> behindCounts = new HashSet<>();
        counted.forEach(c -> c.requests().forEach(r -> behindCounts.add(r.id())));
        List<Candidate> groups = new ArrayList<>();
        for (List<Registered> group : TextClusters.cluster(window, r -> r.title() + "。" + r.content(),
                config.clusterSimilarity(), config.clusterSize())) {
            if (group.stream().filter(r -> behindCounts.contains(r.id())).count() * 2 >= group.size()) {
                continue;
            }
            List<Request> requests = group.stream()
                    .map(r -> new Request(r.id(), r.categoryCode(), r.district(), r.street())).toList();
            Key place = HotspotDetection.commonPlace(requests);
            groups.add(new Candidate(HotspotKind.TEXTS,
                    new Key(HotspotDetection.mostCommonCategory(requests), place.district(), place.street()), group,
                    start, null, null));
        }
        return groups;
    }

    private NewHotspot hotspot(Candidate candidate, Instant now) {
        Key scope = candidate.scope();
        LocalDate today = LocalDate.ofInstant(now, calendar.zone());
        LocalDate first = today.minusDays(TREND_DAYS - 1L);
        List<Long> trend = counts.daily(new Scope(scope.categoryCode(), scope.district(), scope.street()), first,
                TREND_DAYS, calendar.zone());
        String categoryName = scope.categoryCode() == null
                ? null
                : categories.byCode(scope.categoryCode()).map(CategoryView::name).orElse(scope.categoryCode());
        Optional<DepartmentView> department = scope.categoryCode() == null
                ? Optional.empty()
                : responsibilities.resolve(scope.categoryCode(), scope.district(), scope.street(), today)
                        .map(Responsibility::lead);
        Map<Long, String> workOrders = new LinkedHashMap<>();
        candidate.requests().forEach(r -> workOrders.put(r.id(), r.number()));
        String summary = candidate.kind() == HotspotKind.TEXTS
                ? candidate.requests().get(0).title()
                : HotspotViews.area(scope.district(), scope.street()) + " · "
                        + (categoryName == null ? "全部分类" : categoryName);
        return new NewHotspot(candidate.kind(), scope.categoryCode(), categoryName, scope.district(), scope.street(),
                commonestType(candidate.requests()), summary, candidate.windowStart(), now,
                candidate.requests().size(), candidate.expected(), candidate.pValue(), trend, first,
                department.map(DepartmentView::id).orElse(null), department.map(DepartmentView::code).orElse(null),
                department.map(DepartmentView::name).orElse(null), workOrders);
    }

    private static RequestType commonestType(List<Registered> requests) {
        Map<RequestType, Long> counts = new HashMap<>();
        requests.forEach(r -> counts.merge(r.requestType(), 1L, Long::sum));
        return counts.entrySet().stream()
                .max(Map.Entry.<RequestType, Long> comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(RequestType.COMPLAINT);
    }

    /** Tells the supervisors, and the responsible department where there is one, of a new hotspot. */
    @Transactional
    void notifyOf(long id) {
        HotspotStore.Stored hotspot = store.find(id).orElseThrow();
        String title = "热点：" + HotspotViews.headline(hotspot);
        String body = HotspotViews.figures(hotspot) + "。" + hotspot.summary();
        List<NewNotification> toSend = new ArrayList<>();
        users.list("role = ?1 and active = true", Role.SUPERVISOR)
                .forEach(supervisor -> toSend.add(NewNotification.toUser(supervisor.getId(), NotificationKind.HOTSPOT,
                        null, title, body + "。请在「热点诉求」页面处理：/supervisor/hotspots/" + id)));
        if (hotspot.departmentId() != null) {
            toSend.add(NewNotification.toDepartment(hotspot.departmentId(), NotificationKind.HOTSPOT, null, title,
                    body + "。本单位热点见 /department/hotspots"));
        }
        notifications.send(toSend);
    }
}
