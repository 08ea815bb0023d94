package org.hotline12345.scorecard;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotline12345.calendar.WorkingCalendar;
import org.hotline12345.common.ResourceNotFoundException;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.department.DepartmentView;
import org.hotline12345.workorder.ScorecardReads;
import org.hotline12345.workorder.ScorecardReads.Step;

/**
 * The departments' scorecards of a period: each department's cases replayed from the history, less those taken out by
 * upheld appeals, counted into its indicators, scored by the version in force in the period's first month and ranked
 * within its group.
 */
@ApplicationScoped
public class ScorecardService {

    /** A department's line of the scorecard: its figures, score and place in its group. */
    public record Row(String departmentCode, String departmentName, DepartmentFigures figures, Double score, int rank,
            boolean red, boolean black) {
    }

    public record Group(String name, List<Row> rows) {
    }

    /** @param version the scoring version the period is scored with */
    public record Scorecard(String period, String label, ScoringVersion version, List<Group> groups) {

        public Optional<Row> row(String departmentCode) {
            return groups.stream().flatMap(g -> g.rows().stream()).filter(r -> r.departmentCode()
                    .equals(departmentCode)).findFirst();
        }
    }

    /**
     * The work orders behind a figure.
     *
     * @param indicator {@code null} for the whole volume
     * @param cases those in the indicator's base (all of the volume for none), with whether each counts
     */
    public record Drill(String period, String label, String departmentCode, String departmentName,
            Indicator indicator, List<DrillCase> cases) {
    }

    /**
     * @param counted whether the work order counts in the indicator's count (not only its base)
     * @param dispatched when it was dispatched to the department, in the city's time to the minute
     */
    public record DrillCase(DepartmentCase detail, boolean counted, String dispatched) {
    }

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    ScorecardReads reads;

    @Inject
    ScorecardStore store;

    @Inject
    DepartmentDirectory departments;

    @Inject
    WorkingCalendar calendar;

    @Inject
    Clock clock;

    public Scorecard scorecard(Period period) {
        ScoringVersion version = store.versionFor(period.first());
        Map<String, List<DepartmentCase>> byDepartment = new TreeMap<>();
        Map<String, Long> excluded = new TreeMap<>();
        split(period, byDepartment, excluded);
        Map<String, List<Ranking.Entry<Row>>> groups = new LinkedHashMap<>();
        version.groups().values().stream().distinct().forEach(name -> groups.put(name, new ArrayList<>()));
        Set<String> codes = new TreeSet<>(byDepartment.keySet());
        codes.addAll(excluded.keySet());
        for (String code : codes) {
            Optional<DepartmentView> department = departments.byCode(code);
            String group = department.map(d -> version.groups().get(d.kind())).orElse(null);
            if (group == null) {
                continue;
            }
            DepartmentFigures figures = DepartmentFigures.of(byDepartment.getOrDefault(code, List.of()),
                    excluded.getOrDefault(code, 0L));
            Double score = version.score(figures);
            groups.get(group).add(new Ranking.Entry<>(new Row(code, department.get().name(), figures, score, 0, false,
                    false), score));
        }
        List<Group> ranked = new ArrayList<>();
        groups.forEach((name, entries) -> ranked.add(new Group(name, Ranking.rank(entries, version.redCount(),
                version.blackCount()).stream().map(
                        r -> new Row(r.item().departmentCode(), r.item().departmentName(),
                                r.item().figures(), r.score(), r.rank(), r.red(), r.black()))
                .toList())));
        return new Scorecard(period.key(), period.label(), version, ranked);
    }

    /** The work orders behind one department's figure of the period. */
    public Drill drill(Period period, String departmentCode, Indicator indicator) {
        DepartmentView department = departments.byCode(departmentCode)
                .orElseThrow(() -> new ResourceNotFoundException("department", departmentCode));
        Map<String, List<DepartmentCase>> byDepartment = new TreeMap<>();
        split(period, byDepartment, new TreeMap<>());
        List<DrillCase> cases = new ArrayList<>();
        for (DepartmentCase c : byDepartment.getOrDefault(departmentCode, List.of())) {
            Boolean counts = indicator == null ? Boolean.TRUE : c.counts(indicator);
            if (counts != null) {
                cases.add(new DrillCase(c, counts, MINUTES.format(c.dispatchedAt().atZone(calendar.zone()))));
            }
        }
        return new Drill(period.key(), period.label(), departmentCode, department.name(), indicator, cases);
    }

    /** The cases of the period per department, and per department how many upheld appeals took out. */
    private void split(Period period, Map<String, List<DepartmentCase>> byDepartment, Map<String, Long> excluded) {
        ZoneId zone = calendar.zone();
        Instant now = clock.instant();
        List<Step> steps = reads.dispatchedBetween(period.start(zone), period.end(zone));
        List<DepartmentCase> cases = CaseReplay.cases(steps, period.start(zone), period.end(zone), now);
        Set<String> upheld = store.upheld(cases.stream().map(DepartmentCase::workOrderId).distinct().toList());
        for (DepartmentCase c : cases) {
            if (upheld.contains(ScorecardStore.key(c.workOrderId(), c.departmentCode()))) {
                excluded.merge(c.departmentCode(), 1L, Long::sum);
            } else {
                byDepartment.computeIfAbsent(c.departmentCode(), code -> new ArrayList<>()).add(c);
            }
        }
    }

    /**
     * The case of the department for one work order over its whole history, for an appeal; empty when the work order
     * was never dispatched to it.
     */
    Optional<DepartmentCase> caseOf(String number, String departmentCode) {
        return CaseReplay.cases(reads.ofWorkOrder(number), Instant.EPOCH, Instant.MAX, clock.instant()).stream()
                .filter(c -> c.departmentCode().equals(departmentCode)).findFirst();
    }
}
