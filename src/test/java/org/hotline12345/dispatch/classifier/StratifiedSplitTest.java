package org.hotline12345.dispatch.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class StratifiedSplitTest {

    private static List<LabelledText> examples() {
        List<LabelledText> examples = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            examples.add(new LabelledText("a" + i, "a"));
        }
        for (int i = 0; i < 20; i++) {
            examples.add(new LabelledText("b" + i, "b"));
        }
        return examples;
    }

    private static long count(List<LabelledText> examples, String label) {
        return examples.stream().filter(e -> e.label().equals(label)).count();
    }

    @Test
    void holdOutKeepsEachLabelsShareAndIsRepeatable() {
        StratifiedSplit.Split split = StratifiedSplit.holdOut(examples(), 0.2, 1);
        assertThat(count(split.test(), "a")).isEqualTo(20);
        assertThat(count(split.test(), "b")).isEqualTo(4);
        assertThat(split.train()).hasSize(96).doesNotContainAnyElementsOf(split.test());
        assertThat(StratifiedSplit.holdOut(examples(), 0.2, 1)).isEqualTo(split);
        assertThat(StratifiedSplit.holdOut(examples(), 0.2, 2).test()).isNotEqualTo(split.test());
        assertThatThrownBy(() -> StratifiedSplit.holdOut(examples(), 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachExampleIsTestedInExactlyOneFold() {
        List<StratifiedSplit.Split> folds = StratifiedSplit.folds(examples(), 5, 1);
        assertThat(folds).hasSize(5);
        List<LabelledText> tested = new ArrayList<>();
        for (StratifiedSplit.Split fold : folds) {
            assertThat(count(fold.test(), "b")).isEqualTo(4);
            assertThat(fold.train()).hasSize(96).doesNotContainAnyElementsOf(fold.test());
            tested.addAll(fold.test());
        }
        assertThat(tested).containsExactlyInAnyOrderElementsOf(examples());
        assertThatThrownBy(() -> StratifiedSplit.folds(examples(), 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
