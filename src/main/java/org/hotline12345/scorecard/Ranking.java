package org.hotline12345.scorecard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Ranks a group's departments by score and marks the red list (红榜) and the black list (黑榜). */
final class Ranking {

    /** A department to rank: {@code score} is {@code null} when it had nothing to score. */
    record Entry<T>(T item, Double score) {
    }

    /** @param rank 1 for the best; equal scores share a rank; 0 for a department without a score */
    record Ranked<T>(T item, Double score, int rank, boolean red, boolean black) {
    }

    private Ranking() {
    }

    /**
     * The scored entries best first, then those without a score. Red: rank ≤ redCount. Black: among the last
     * {@code blackCount} scored, with any tied to them, never a department already red, so a small group does not
     * list one department on both.
     */
    static <T> List<Ranked<T>> rank(List<Entry<T>> entries, int redCount, int blackCount) {
        List<Entry<T>> scored = new ArrayList<>(entries.stream().filter(e -> e.score() != null).toList());
        scored.sort(Comparator.comparing((Entry<T> e) -> e.score()).reversed());
        List<Ranked<T>> ranked = new ArrayList<>();
        int n = scored.size();
        for (int i = 0; i < n; i++) {
            Entry<T> entry = scored.get(i);
            int rank = i > 0 && scored.get(i - 1).score().equals(entry.score()) ? ranked.get(i - 1).rank() : i + 1;
            boolean red = rank <= redCount;
            boolean black = !red && lastOfTie(scored, i) >= n - blackCount;
            ranked.add(new Ranked<>(entry.item(), entry.score(), rank, red, black));
        }
        entries.stream().filter(e -> e.score() == null).forEach(e -> ranked.add(new Ranked<>(e.item(), null, 0,
                false, false)));
        return ranked;
    }

    /** The index of the last entry with the same score: ties at the bottom share the black list. */
    private static <T> int lastOfTie(List<Entry<T>> scored, int i) {
        int last = i;
        while (last + 1 < scored.size() && scored.get(last + 1).score().equals(scored.get(i).score())) {
            last++;
        }
        return last;
    }
}
