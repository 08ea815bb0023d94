package org.hotline12345.scorecard;

import java.time.YearMonth;
import java.util.Map;

import org.hotline12345.department.DepartmentKind;

/**
 * A version of the scoring rules administrators set: it applies from a month until a later version's month, so a
 * month keeps the version it was scored with.
 *
 * @param weights the points each indicator carries (0 leaves it out)
 * @param groups the group (对比组) each kind of department is ranked in; a kind without a group is not ranked
 * @param redCount 红榜: how many of each group's top are listed
 * @param blackCount 黑榜: how many of each group's bottom are listed
 */
public record ScoringVersion(long id, YearMonth validFrom, Map<Indicator, Integer> weights,
        Map<DepartmentKind, String> groups, int redCount, int blackCount, String createdBy) {

    /**
     * 0–100: the weighted mean of the indicators' points, each 100 × its share (100 × the complement for the
     * indicators where less is better); indicators with an empty base are left out and the others' weights count in
     * full, so a department is not marked down for what it had no occasion to do. {@code null} with no base at all.
     */
    public Double score(DepartmentFigures figures) {
        double points = 0;
        int weight = 0;
        for (Indicator indicator : Indicator.values()) {
            int w = weights.getOrDefault(indicator, 0);
            Double share = figures.rate(indicator).share();
            if (w > 0 && share != null) {
                points += w * 100 * (indicator.higherIsBetter() ? share : 1 - share);
                weight += w;
            }
        }
        return weight == 0 ? null : Math.round(points / weight * 100) / 100.0;
    }
}
