package org.hotline12345.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotline12345.dispatch.ResponsibilityReview.Finding;
import org.hotline12345.dispatch.ResponsibilityReview.ListAnswer;
import org.hotline12345.workorder.DispatchOutcomes.Outcome;
import org.junit.jupiter.api.Test;

class ResponsibilityReviewTest {

    private static final Instant AT = Instant.parse("2023-08-07T02:00:00Z");

    private static Outcome outcome(String number, String category, String district, String first, int returns,
            String last) {
        return new Outcome(number, "标题 " + number, "内容", category, district, null, first, false, returns, last, AT);
    }

    /** The list: 住建 for 物业 everywhere, 供水 for water; nobody for 010999. */
    private static Optional<ListAnswer> list(Outcome outcome) {
        return switch (outcome.categoryCode()) {
            case "010101" -> Optional.of(new ListAnswer("HOUSING", 2L));
            case "010501" -> Optional.of(new ListAnswer("WATERWORKS", 7L));
            default -> Optional.empty();
        };
    }

    @Test
    void approvedReturnsAndDepartmentsElsewhereMakeAFindingWithTheirCountsAndExamples() {
        List<Outcome> outcomes = List.of(
                outcome("A1", "010101", "城东区", "HOUSING", 1, "D-EAST"),
                outcome("A2", "010101", "城东区", "HOUSING", 0, "HOUSING"),
                outcome("A3", "010101", "城东区", "HOUSING", 2, "D-EAST"),
                outcome("A4", "010101", "城东区", "D-EAST", 0, "D-EAST"),
                outcome("A5", "010101", "城东区", "HOUSING", 1, "SAMR"),
                // the same category elsewhere agrees with the list: no finding
                outcome("B1", "010101", "城南区", "HOUSING", 0, "HOUSING"),
                outcome("C1", "010501", "城南区", "WATERWORKS", 0, "WATERWORKS"));

        List<Finding> findings = ResponsibilityReview.review(outcomes, ResponsibilityReviewTest::list,
                outcome -> Optional.empty());

        assertThat(findings).hasSize(1);
        Finding finding = findings.get(0);
        assertThat(finding.categoryCode()).isEqualTo("010101");
        assertThat(finding.district()).isEqualTo("城东区");
        assertThat(finding.listDepartment()).isEqualTo("HOUSING");
        assertThat(finding.ruleId()).isEqualTo(2L);
        assertThat(finding.dispatched()).isEqualTo(5);
        assertThat(finding.returnsApproved()).isEqualTo(3);
        // A1, A3, A4 ended with the district government, A5 with 市场监管
        assertThat(finding.endedElsewhere()).isEqualTo(4);
        assertThat(finding.endedMostlyWith()).isEqualTo("D-EAST");
        assertThat(finding.modelDisagrees()).isZero();
        assertThat(finding.modelMostlySays()).isNull();
        assertThat(finding.examples()).containsExactly("A1", "A3", "A4");
    }

    @Test
    void theModelAloneDisagreeingIsAFindingRankedAfterThoseWithReturns() {
        Map<String, String> model = Map.of("C1", "POWER", "C2", "POWER", "C3", "WATERWORKS", "A1", "HOUSING");
        List<Outcome> outcomes = List.of(
                outcome("C1", "010501", "城南区", "WATERWORKS", 0, "WATERWORKS"),
                outcome("C2", "010501", "城南区", "WATERWORKS", 0, "WATERWORKS"),
                outcome("C3", "010501", "城南区", "WATERWORKS", 0, "WATERWORKS"),
                outcome("A1", "010101", "城东区", "HOUSING", 1, "SAMR"),
                // nobody responsible: whoever handled it is elsewhere than the list
                outcome("N1", "010999", null, "URBAN", 0, "URBAN"));

        List<Finding> findings = ResponsibilityReview.review(outcomes, ResponsibilityReviewTest::list,
                outcome -> Optional.ofNullable(model.get(outcome.number())));

        assertThat(findings).extracting(Finding::categoryCode).containsExactly("010101", "010999", "010501");
        Finding water = findings.get(2);
        assertThat(water.dispatched()).isEqualTo(3);
        assertThat(water.returnsApproved()).isZero();
        assertThat(water.endedElsewhere()).isZero();
        assertThat(water.modelDisagrees()).isEqualTo(2);
        assertThat(water.modelMostlySays()).isEqualTo("POWER");
        assertThat(water.examples()).containsExactly("C1", "C2");
        Finding nobody = findings.get(1);
        assertThat(nobody.listDepartment()).isNull();
        assertThat(nobody.endedMostlyWith()).isEqualTo("URBAN");
    }
}
