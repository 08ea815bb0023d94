package org.hotline12345.hotspot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which counts of a window stand out from their own history. Each request counts towards its category in its street,
 * its district and the whole city, and towards all categories together in the same three areas. A key's history is
 * the same hours of the same weekday in each of the previous weeks; its expected count is their mean (at least
 * {@link Rules#minimumExpected}). The key is a hotspot when it has at least {@link Rules#minimumCount} requests and
 * P(X ≥ observed) &lt; {@link Rules#alpha} for X ~ Poisson(expected).
 * <p>
 * A burst in one street also lifts its district and the city: a wider key (a larger area, or all categories) is raised
 * only when its requests outside the narrower hotspots raised within it still pass the test against the wider key's
 * whole expected count, so that one burst is one hotspot.
 */
public final class HotspotDetection {

    /**
     * What is compared: a category (null for all of them) in an area (district null for the city, street null for the
     * whole district).
     */
    public record Key(String categoryCode, String district, String street) {

        /** How narrow the key is: one for each of category, district and street it names. */
        int specificity() {
            return (categoryCode == null ? 0 : 1) + (district == null ? 0 : 1) + (street == null ? 0 : 1);
        }

        /** Whether every request of {@code narrower} is one of this key's. */
        boolean contains(Key narrower) {
            return (categoryCode == null || categoryCode.equals(narrower.categoryCode))
                    && (district == null || district.equals(narrower.district))
                    && (street == null || street.equals(narrower.street));
        }

        /** The keys a request of this category at this place counts towards. */
        static List<Key> of(String categoryCode, String district, String street) {
            List<Key> keys = new ArrayList<>(6);
            for (String category : new String[]{categoryCode, null}) {
                keys.add(new Key(category, null, null));
                if (district != null) {
                    keys.add(new Key(category, district, null));
                    if (street != null) {
                        keys.add(new Key(category, district, street));
                    }
                }
            }
            return keys;
        }
    }

    /** A request of the window. */
    public record Request(long id, String categoryCode, String district, String street) {
    }

    /** How many requests one category had at one place (district and street, either may be null) in a window. */
    public record PlaceCount(String categoryCode, String district, String street, long count) {
    }

    /**
     * The test's settings.
     *
     * @param alpha a count whose upper-tail probability is below this stands out
     * @param minimumCount fewer requests are never a hotspot, however quiet the history (1 → 3 is chance)
     * @param minimumExpected the expected count is never taken below this, so that a first occurrence is weighed
     */
    public record Rules(double alpha, int minimumCount, double minimumExpected) {
    }

    /** A key that stands out, with its requests (ids), what was expected and the upper-tail probability. */
    public record Raised(Key key, List<Long> requestIds, double expected, double pValue) {

        public int observed() {
            return requestIds.size();
        }
    }

    private HotspotDetection() {
    }

    /**
     * The keys of the window's requests that stand out from the history, narrowest first.
     *
     * @param history each previous week's counts of the same hours, one list per week
     */
    public static List<Raised> detect(List<Request> window, List<List<PlaceCount>> history, Rules rules) {
        Map<Key, List<Long>> requests = new LinkedHashMap<>();
        for (Request request : window) {
            for (Key key : Key.of(request.categoryCode(), request.district(), request.street())) {
                requests.computeIfAbsent(key, k -> new ArrayList<>()).add(request.id());
            }
        }
        Map<Key, Long> past = new HashMap<>();
        for (List<PlaceCount> week : history) {
            for (PlaceCount count : week) {
                for (Key key : Key.of(count.categoryCode(), count.district(), count.street())) {
                    if (requests.containsKey(key)) {
                        past.merge(key, count.count(), Long::sum);
                    }
                }
            }
        }
        int weeks = Math.max(1, history.size());
        List<Key> narrowestFirst = requests.keySet().stream()
                .sorted(Comparator.comparingInt(Key::specificity).reversed()).toList();
        List<Raised> raised = new ArrayList<>();
        for (Key key : narrowestFirst) {
            List<Long> ids = requests.get(key);
            double expected = Math.max(rules.minimumExpected(), past.getOrDefault(key, 0L) / (double) weeks);
            if (!standsOut(ids.size(), expected, rules)) {
                continue;
            }
            Set<Long> explained = new HashSet<>();
            raised.stream().filter(narrower -> key.contains(narrower.key()))
                    .forEach(narrower -> explained.addAll(narrower.requestIds()));
            long unexplained = ids.stream().filter(id -> !explained.contains(id)).count();
            if (unexplained == ids.size() || standsOut(unexplained, expected, rules)) {
                raised.add(new Raised(key, List.copyOf(ids), expected, PoissonTail.atLeast(ids.size(), expected)));
            }
        }
        return raised;
    }

    /** The test: at least the minimum count, and a count this high is less likely than alpha under the history. */
    static boolean standsOut(long observed, double expected, Rules rules) {
        return observed >= rules.minimumCount() && PoissonTail.atLeast(observed, expected) < rules.alpha();
    }

    /** The place a group of requests shares: the common district and street, or only the district, or none. */
    static Key commonPlace(List<Request> requests) {
        Set<String> districts = new HashSet<>();
        Set<String> streets = new HashSet<>();
        requests.forEach(r -> {
            districts.add(r.district());
            streets.add(r.district() + "/" + r.street());
        });
        if (districts.size() != 1 || districts.contains(null)) {
            return new Key(null, null, null);
        }
        Request first = requests.get(0);
        return new Key(null, first.district(), streets.size() == 1 ? first.street() : null);
    }

    /** The category most of the requests are about (the first of equals), for the department to notify. */
    static String mostCommonCategory(List<Request> requests) {
        Map<String, Long> counts = new LinkedHashMap<>();
        requests.stream().map(Request::categoryCode).forEach(code -> counts.merge(code, 1L, Long::sum));
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElseThrow();
    }
}
