package org.hotline12345.dispatch.classifier;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Seeded splits that keep each label's share, so that rare labels appear in every part and figures are repeatable.
 */
public final class StratifiedSplit {

    /** A training part and the held-out part it is evaluated on. */
    public record Split(List<LabelledText> train, List<LabelledText> test) {
    }

    private StratifiedSplit() {
    }

    /** Holds out {@code testShare} of each label. */
    public static Split holdOut(List<LabelledText> examples, double testShare, long seed) {
        if (!(testShare > 0 && testShare < 1)) {
            throw new IllegalArgumentException("test share must be between 0 and 1: " + testShare);
        }
        List<LabelledText> train = new ArrayList<>();
        List<LabelledText> test = new ArrayList<>();
        for (List<LabelledText> group : shuffledByLabel(examples, seed).values()) {
            int held = (int) Math.round(group.size() * testShare);
            test.addAll(group.subList(0, held));
            train.addAll(group.subList(held, group.size()));
        }
        return new Split(train, test);
    }

    /** {@code k} folds for cross-validation: each example is in the test part of exactly one. */
    public static List<Split> folds(List<LabelledText> examples, int k, long seed) {
        if (k < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds: " + k);
        }
        List<List<LabelledText>> parts = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            parts.add(new ArrayList<>());
        }
        // dealing each label's examples round-robin keeps every fold stratified
        int next = 0;
        for (List<LabelledText> group : shuffledByLabel(examples, seed).values()) {
            for (LabelledText example : group) {
                parts.get(next).add(example);
                next = (next + 1) % k;
            }
        }
        List<Split> folds = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            List<LabelledText> train = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                if (j != i) {
                    train.addAll(parts.get(j));
                }
            }
            folds.add(new Split(train, parts.get(i)));
        }
        return folds;
    }

    private static Map<String, List<LabelledText>> shuffledByLabel(List<LabelledText> examples, long seed) {
        // labels in sorted order, all shuffled by one generator: the same examples and seed give the same split
        Map<String, List<LabelledText>> byLabel = new TreeMap<>();
        for (LabelledText example : examples) {
            byLabel.computeIfAbsent(example.label(), label -> new ArrayList<>()).add(example);
        }
        Random random = new Random(seed);
        byLabel.values().forEach(group -> Collections.shuffle(group, random));
        return byLabel;
    }
}
