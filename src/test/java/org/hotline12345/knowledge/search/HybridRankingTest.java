package org.hotline12345.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.hotline12345.knowledge.search.HybridRanking.Fusion;
import org.hotline12345.knowledge.search.HybridRanking.Scored;
import org.junit.jupiter.api.Test;

class HybridRankingTest {

    private static final SearchTuning TUNING = SearchTuning.defaults();

    private static List<Long> keys(List<Scored> fused) {
        return fused.stream().map(Scored::key).toList();
    }

    @Test
    void reciprocalRankFusionFavoursWhatBothListsRankHigh() {
        List<Scored> words = List.of(new Scored(1, 12f), new Scored(2, 11f), new Scored(3, 2f));
        List<Scored> vectors = List.of(new Scored(2, 0.8f), new Scored(4, 0.75f), new Scored(1, 0.6f));
        List<Scored> fused = HybridRanking.fuse(words, vectors, TUNING.withFusion(Fusion.RRF, 0.5f, 60));
        assertThat(keys(fused)).containsExactly(2L, 1L, 4L, 3L);
        assertThat(fused.get(0).score()).isEqualTo(0.5f / 62 + 0.5f / 61);
    }

    @Test
    void theWeightedSumScalesEachListToItsBestAndWorst() {
        List<Scored> words = List.of(new Scored(1, 10f), new Scored(2, 5f), new Scored(3, 0f));
        List<Scored> vectors = List.of(new Scored(3, 0.9f), new Scored(1, 0.7f), new Scored(2, 0.6f));
        List<Scored> fused = HybridRanking.fuse(words, vectors, TUNING.withFusion(Fusion.WEIGHTED, 0.7f, 60));
        // 1: 0.3 × 1 + 0.7 × 1/3; 3: 0.7 × 1; 2: 0.3 × 0.5
        assertThat(keys(fused)).containsExactly(3L, 1L, 2L);
        assertThat(fused.get(1).score()).isCloseTo(0.3f + 0.7f / 3, org.assertj.core.api.Assertions.within(1e-6f));
    }

    @Test
    void vectorsBelowTheMinimumSimilarityAreNoCandidates() {
        List<Scored> vectors = List.of(new Scored(7, 0.49f), new Scored(8, 0.2f));
        assertThat(HybridRanking.fuse(List.of(), vectors, TUNING)).isEmpty();
        assertThat(keys(HybridRanking.fuse(List.of(new Scored(9, 1f)), vectors, TUNING))).containsExactly(9L);
    }

    @Test
    void weightZeroIsWordsAloneAndOneIsVectorsAlone() {
        List<Scored> words = List.of(new Scored(1, 3f), new Scored(2, 2f));
        List<Scored> vectors = List.of(new Scored(2, 0.9f), new Scored(1, 0.8f));
        for (Fusion fusion : Fusion.values()) {
            assertThat(keys(HybridRanking.fuse(words, vectors, TUNING.withFusion(fusion, 0f, 60)))).startsWith(1L);
            assertThat(keys(HybridRanking.fuse(words, vectors, TUNING.withFusion(fusion, 1f, 60)))).startsWith(2L);
        }
    }
}
