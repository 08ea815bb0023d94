package org.hotline12345.knowledge.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Word matching and vectors together: both backends find their best candidates each way and fuse the two lists here,
 * so that they rank alike. Two ways, chosen by cross-validation (docs/knowledge.md):
 * <ul>
 * <li>{@link Fusion#RRF reciprocal rank fusion}: each list adds {@code weight / (k + rank)}, ranks from 1; scores do
 * not need to be comparable;</li>
 * <li>{@link Fusion#WEIGHTED a weighted sum} of the scores, each list scaled to [0, 1] by its best and its worst
 * candidate.</li>
 * </ul>
 * Vector candidates below the minimum similarity are left out: every article is somewhat similar to any question, and
 * an agent should not be offered one that shares neither words nor meaning with it.
 */
public final class HybridRanking {

    public enum Fusion {
        RRF, WEIGHTED
    }

    /** A candidate: the backend's key for an article (its id or document number) and its score in one list. */
    public record Scored(long key, float score) {
    }

    private HybridRanking() {
    }

    /**
     * The candidates of both lists, best first.
     *
     * @param text by word matching, best first
     * @param vector by similarity (cosine), best first
     */
    public static List<Scored> fuse(List<Scored> text, List<Scored> vector, SearchTuning tuning) {
        List<Scored> similar = vector.stream().filter(s -> s.score() >= tuning.minSimilarity()).toList();
        Map<Long, Float> fused = new LinkedHashMap<>();
        float vectorWeight = tuning.vectorWeight();
        if (tuning.fusion() == Fusion.RRF) {
            add(fused, reciprocalRanks(text, tuning.rrfK(), 1 - vectorWeight));
            add(fused, reciprocalRanks(similar, tuning.rrfK(), vectorWeight));
        } else {
            add(fused, scaled(text, 1 - vectorWeight));
            add(fused, scaled(similar, vectorWeight));
        }
        List<Scored> ranked = new ArrayList<>(fused.size());
        fused.forEach((key, score) -> ranked.add(new Scored(key, score)));
        // ties keep the order of appearance: word matches first
        ranked.sort(Comparator.comparingDouble(Scored::score).reversed());
        return ranked;
    }

    private static Map<Long, Float> reciprocalRanks(List<Scored> list, int k, float weight) {
        Map<Long, Float> scores = new LinkedHashMap<>();
        for (int rank = 0; rank < list.size(); rank++) {
            scores.putIfAbsent(list.get(rank).key(), weight / (k + rank + 1));
        }
        return scores;
    }

    private static Map<Long, Float> scaled(List<Scored> list, float weight) {
        Map<Long, Float> scores = new LinkedHashMap<>();
        if (list.isEmpty()) {
            return scores;
        }
        float best = list.get(0).score();
        float worst = list.get(list.size() - 1).score();
        float range = best - worst;
        for (Scored scored : list) {
            // a list of one, or of equal scores, counts each candidate fully
            float normalized = range > 0 ? (scored.score() - worst) / range : 1f;
            scores.putIfAbsent(scored.key(), weight * normalized);
        }
        return scores;
    }

    private static void add(Map<Long, Float> fused, Map<Long, Float> scores) {
        scores.forEach((key, score) -> fused.merge(key, score, Float::sum));
    }
}
