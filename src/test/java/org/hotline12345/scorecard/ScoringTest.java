package org.hotline12345.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.stats.Rates.Rate;
import org.junit.jupiter.api.Test;

/** The score's weighting, the ranking with its red and black lists, and the periods. */
class ScoringTest {

    private static ScoringVersion version(Map<Indicator, Integer> weights) {
        return new ScoringVersion(1, YearMonth.of(2023, 1), weights, Map.of(), 1, 1, "admin");
    }

    private static DepartmentFigures figures(Map<Indicator, Rate> given) {
        Map<Indicator, Rate> rates = new EnumMap<>(Indicator.class);
        for (Indicator indicator : Indicator.values()) {
            rates.put(indicator, given.getOrDefault(indicator, Rate.of(0, 0)));
        }
        return new DepartmentFigures(10, 0, rates);
    }

    @Test
    void theScoreIsTheWeightedMeanOfPointsWithLowerIsBetterIndicatorsCountedByTheirComplement() {
        ScoringVersion v = version(Map.of(Indicator.ACCEPTED_ON_TIME, 30, Indicator.RETURNED, 10,
                Indicator.SATISFIED, 60));
        // 30 × 80 + 10 × (100 − 20) + 60 × 50 = 6200, over 100
        assertThat(v.score(figures(Map.of(Indicator.ACCEPTED_ON_TIME, Rate.of(8, 10), Indicator.RETURNED,
                Rate.of(2, 10), Indicator.SATISFIED, Rate.of(1, 2))))).isEqualTo(62.0);
        // no satisfaction answers: that weight is left out, (30 × 80 + 10 × 80) / 40
        assertThat(v.score(figures(Map.of(Indicator.ACCEPTED_ON_TIME, Rate.of(8, 10), Indicator.RETURNED,
                Rate.of(2, 10))))).isEqualTo(80.0);
        // an indicator without weight does not count however bad
        assertThat(v.score(figures(Map.of(Indicator.ACCEPTED_ON_TIME, Rate.of(1, 3), Indicator.REOPENED,
                Rate.of(5, 5))))).isEqualTo(33.33);
        assertThat(v.score(figures(Map.of()))).isNull();
    }

    @Test
    void tiesShareARankAndTheListsNeverOverlap() {
        List<Ranking.Ranked<String>> ranked = Ranking.rank(List.of(new Ranking.Entry<>("B", 80.0),
                new Ranking.Entry<>("A", 90.0), new Ranking.Entry<>("none", null), new Ranking.Entry<>("C", 80.0),
                new Ranking.Entry<>("D", 60.0)), 1, 2);
        assertThat(ranked).extracting(Ranking.Ranked::item).containsExactly("A", "B", "C", "D", "none");
        assertThat(ranked).extracting(Ranking.Ranked::rank).containsExactly(1, 2, 2, 4, 0);
        assertThat(ranked).extracting(Ranking.Ranked::red).containsExactly(true, false, false, false, false);
        // the two at the bottom are C and D; B is tied with C, so shares its place
        assertThat(ranked).extracting(Ranking.Ranked::black).containsExactly(false, true, true, true, false);

        List<Ranking.Ranked<String>> small = Ranking.rank(List.of(new Ranking.Entry<>("A", 90.0)), 3, 3);
        assertThat(small.get(0).red()).isTrue();
        assertThat(small.get(0).black()).isFalse();
    }

    @Test
    void periodsAreMonthsOrQuarters() {
        Period quarter = Period.parse("2023-Q2");
        assertThat(quarter.first()).isEqualTo(YearMonth.of(2023, 4));
        assertThat(quarter.months()).isEqualTo(3);
        assertThat(quarter.label()).isEqualTo("2023年第二季度");
        assertThat(quarter.key()).isEqualTo("2023-Q2");
        assertThat(Period.parse("2023-06").label()).isEqualTo("2023年6月");
        assertThatThrownBy(() -> Period.parse("2023-13")).isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> Period.parse("2023-Q5")).isInstanceOf(InvalidFieldException.class);
    }
}
