package org.hotline12345.dispatch.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClassificationReportTest {

    private static ClassificationReport.Outcome outcome(String actual, String predicted, double confidence) {
        return new ClassificationReport.Outcome(actual, new Prediction(predicted, confidence));
    }

    private static final List<ClassificationReport.Outcome> OUTCOMES = List.of(outcome("a", "a", 0.95),
            outcome("a", "a", 0.75), outcome("a", "b", 0.6), outcome("b", "b", 0.85), outcome("b", "a", 0.4));

    @Test
    void perLabelAndMacroFigures() {
        ClassificationReport report = ClassificationReport.of(OUTCOMES, List.of("a", "b", "c"));
        assertThat(report.texts()).isEqualTo(5);
        assertThat(report.accuracy()).isCloseTo(0.6, within(1e-12));
        ClassificationReport.LabelFigures a = report.labels().get(0);
        assertThat(a.label()).isEqualTo("a");
        assertThat(a.support()).isEqualTo(3);
        assertThat(a.precision()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(a.recall()).isCloseTo(2 / 3.0, within(1e-12));
        ClassificationReport.LabelFigures b = report.labels().get(1);
        assertThat(b.precision()).isCloseTo(0.5, within(1e-12));
        assertThat(b.f1()).isCloseTo(0.5, within(1e-12));
        // a label never seen nor predicted scores 0 and pulls the macro average down, as it should
        assertThat(report.labels().get(2).f1()).isZero();
        assertThat(report.macroF1()).isCloseTo((2 / 3.0 + 0.5 + 0) / 3, within(1e-12));
    }

    @Test
    void accuracyAndShareAboveThresholds() {
        List<ClassificationReport.AboveThreshold> rows = ClassificationReport.aboveThresholds(OUTCOMES, 0.5, 0.8,
                0.99);
        assertThat(rows.get(0).share()).isCloseTo(0.8, within(1e-12));
        assertThat(rows.get(0).accuracy()).isCloseTo(0.75, within(1e-12));
        assertThat(rows.get(1).share()).isCloseTo(0.4, within(1e-12));
        assertThat(rows.get(1).accuracy()).isCloseTo(1.0, within(1e-12));
        assertThat(rows.get(2).share()).isZero();
    }
}
