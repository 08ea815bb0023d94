package org.hotline12345.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class RuleCsvTest {

    @Test
    void anExportReadsBackAsTheSameRules() throws Exception {
        RuleView rule = new RuleView(7, 3, 2, "010301", "城东区", "东门街道", "S-EAST-DONGMEN", List.of("URBAN", "D-EAST"),
                HandlingLevel.STREET, LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1), false, "备注, 含逗号");
        List<RuleCsv.Row> rows = RuleCsv.read(RuleCsv.write(List.of(rule)));
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.problem()).isNull();
            assertThat(row.line()).isEqualTo(2);
            assertThat(row.request()).isEqualTo(new RuleRequest("010301", "城东区", "东门街道", "S-EAST-DONGMEN",
                    List.of("URBAN", "D-EAST"), HandlingLevel.STREET, LocalDate.of(2026, 1, 1),
                    LocalDate.of(2027, 1, 1), "备注, 含逗号"));
        });
    }

    @Test
    void badRowsAreReportedWithTheirLineAndTheOthersRead() throws Exception {
        String csv = """
                category,lead,level,effective_from
                010301,URBAN,city,2026-01-01
                010302,URBAN,county,2026-01-01
                010303,URBAN,CITY,soon
                """;
        List<RuleCsv.Row> rows = RuleCsv.read(csv);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).request().level()).isEqualTo(HandlingLevel.CITY);
        assertThat(rows.get(1).problem()).satisfies(p -> {
            assertThat(p.field()).isEqualTo("level");
            assertThat(p.rule()).isEqualTo("enum");
        });
        assertThat(rows.get(1).line()).isEqualTo(3);
        assertThat(rows.get(2).problem().field()).isEqualTo("effective_from");
    }

    @Test
    void aHeaderWithoutTheRequiredColumnsIsRefused() {
        assertThatThrownBy(() -> RuleCsv.read("category,district\n01,城东区\n"))
                .isInstanceOf(RuleCsv.RowException.class).hasMessageContaining("lead");
        assertThatThrownBy(() -> RuleCsv.read("")).isInstanceOf(RuleCsv.RowException.class);
    }
}
