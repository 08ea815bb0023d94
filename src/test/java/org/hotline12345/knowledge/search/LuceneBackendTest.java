package org.hotline12345.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneBackendTest extends SearchBackendContract {

    @TempDir
    Path directory;

    @Override
    SearchBackend newBackend() {
        return new LuceneBackend(directory, ANALYSIS, SearchTuning.defaults());
    }

    @Test
    void theIndexSurvivesARestart() {
        indexAll(PENSION, RENT);
        backend.close();
        backend = newBackend();
        assertThat(backend.count()).isEqualTo(2);
        assertThat(backend.needsRebuild()).isFalse();
        assertThat(ids("租房", AGENTS)).containsExactly(3L);
    }

    @Test
    void anIndexBuiltWithAnotherDictionaryNeedsARebuild() {
        backend.close();
        ChineseAnalysis other = ChineseAnalysis.of(List.of("一个新词"), ANALYSIS.stopWords(), ANALYSIS.synonyms());
        try (LuceneBackend reopened = new LuceneBackend(directory, other, SearchTuning.defaults())) {
            assertThat(reopened.needsRebuild()).isTrue();
        }
        backend = newBackend();
        assertThat(backend.needsRebuild()).isFalse();
    }

    @Test
    void aSecondProcessCannotOpenTheSameIndex() {
        assertThatThrownBy(this::newBackend).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("in use by another process");
    }
}
