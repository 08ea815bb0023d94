package org.hotline12345.hotspot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.hotline12345.duplicate.TextSimilarity;

/**
 * Groups of requests that say much the same thing, whatever their category: single-link clustering over the cosine of
 * the texts' character bigram sets ({@link TextSimilarity}). Two texts at least {@code threshold} alike are in the same
 * group, and so is everything alike to either (a chain); groups smaller than {@code minimumSize} are no hotspot.
 */
public final class TextClusters {

    private TextClusters() {
    }

    /** The groups of at least {@code minimumSize} items, largest first, each in the items' order. */
    public static <T> List<List<T>> cluster(List<T> items, Function<T, String> text, double threshold,
            int minimumSize) {
        List<Map<String, Integer>> profiles = items.stream().map(item -> TextSimilarity.bigrams(text.apply(item)))
                .toList();
        int[] parent = new int[items.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < parent.length; i++) {
            for (int j = i + 1; j < parent.length; j++) {
                if (root(parent, i) != root(parent, j)
                        && TextSimilarity.cosine(profiles.get(i), profiles.get(j)) >= threshold) {
                    parent[root(parent, j)] = root(parent, i);
                }
            }
        }
        Map<Integer, List<T>> groups = new LinkedHashMap<>();
        for (int i = 0; i < parent.length; i++) {
            groups.computeIfAbsent(root(parent, i), r -> new ArrayList<>()).add(items.get(i));
        }
        return groups.values().stream().filter(group -> group.size() >= minimumSize)
                .sorted(Comparator.comparingInt(group -> -group.size())).toList();
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
