package org.hotline12345.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class RuleResolverTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    private static long ids;

    private static RuleView rule(String category, String district, String street, String lead) {
        return rule(category, district, street, lead, LocalDate.of(2024, 1, 1), null, false);
    }

    private static RuleView rule(String category, String district, String street, String lead, LocalDate from,
            LocalDate to, boolean withdrawn) {
        long id = ++ids;
        return new RuleView(id, id, 1, category, district, street, lead, List.of(), HandlingLevel.CITY, from, to,
                withdrawn, null);
    }

    private static Map<String, List<RuleView>> byCategory(RuleView... rules) {
        return List.of(rules).stream().collect(Collectors.groupingBy(RuleView::categoryCode));
    }

    private static Optional<String> lead(Map<String, List<RuleView>> rules, String district, String street) {
        return RuleResolver.resolve(rules, List.of("010301", "0103", "01"), district, street, DAY)
                .map(RuleView::leadDepartmentCode);
    }

    @Test
    void theMostSpecificCategoryDecidesFirst() {
        Map<String, List<RuleView>> rules = byCategory(rule("01", null, null, "HOUSING"),
                rule("0103", "城东区", null, "D-EAST"), rule("010301", null, null, "URBAN"));
        assertThat(lead(rules, "城东区", null)).contains("URBAN");
        assertThat(lead(byCategory(rule("01", null, null, "HOUSING"), rule("0103", "城东区", null, "D-EAST")), "城东区",
                null)).contains("D-EAST");
        assertThat(lead(byCategory(rule("01", null, null, "HOUSING"), rule("0103", "城东区", null, "D-EAST")), "城西区",
                null)).contains("HOUSING");
    }

    @Test
    void withinACategoryAStreetBeatsItsDistrictWhichBeatsTheCity() {
        Map<String, List<RuleView>> rules = byCategory(rule("010301", null, null, "URBAN"),
                rule("010301", "城东区", null, "D-EAST"), rule("010301", "城东区", "东门街道", "S-EAST-DONGMEN"),
                rule("010301", "城西区", "西关街道", "S-WEST-XIGUAN"));
        assertThat(lead(rules, "城东区", "东门街道")).contains("S-EAST-DONGMEN");
        assertThat(lead(rules, "城东区", "和平街道")).contains("D-EAST");
        assertThat(lead(rules, "城东区", null)).contains("D-EAST");
        assertThat(lead(rules, "城南区", "东门街道")).contains("URBAN");
        assertThat(lead(rules, null, null)).contains("URBAN");
    }

    @Test
    void onlyRulesInForceOnTheDayCount() {
        Map<String, List<RuleView>> rules = byCategory(
                rule("010301", null, null, "OLD", LocalDate.of(2024, 1, 1), DAY, false),
                rule("010301", null, null, "NEW", DAY, null, false),
                rule("010301", "城东区", null, "WITHDRAWN", DAY, null, true),
                rule("010301", "城西区", null, "FUTURE", DAY.plusDays(1), null, false));
        assertThat(lead(rules, "城东区", null)).contains("NEW");
        assertThat(lead(rules, "城西区", null)).contains("NEW");
        assertThat(RuleResolver.resolve(rules, List.of("010301"), null, null, DAY.minusDays(1))
                .map(RuleView::leadDepartmentCode)).contains("OLD");
        assertThat(RuleResolver.resolve(rules, List.of("010301"), "城西区", null, DAY.plusDays(1))
                .map(RuleView::leadDepartmentCode)).contains("FUTURE");
    }

    @Test
    void nothingMatchesWhenNoRuleCoversTheCategoryOrPlace() {
        assertThat(lead(byCategory(rule("02", null, null, "ECOLOGY")), "城东区", null)).isEmpty();
        assertThat(lead(byCategory(rule("0103", "城西区", null, "D-WEST")), "城东区", null)).isEmpty();
        assertThat(lead(byCategory(rule("0103", "城西区", null, "D-WEST")), null, null)).isEmpty();
    }
}
