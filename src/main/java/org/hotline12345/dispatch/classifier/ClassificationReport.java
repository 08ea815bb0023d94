package org.hotline12345.dispatch.classifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How well predictions match the right labels: accuracy, per-label precision, recall and F1, their macro average
 * (each label counts the same however rare), and how accurate the predictions above a confidence threshold are.
 */
public record ClassificationReport(int texts, double accuracy, double macroF1, List<LabelFigures> labels) {

    /** A prediction and the label the text really has. */
    public record Outcome(String actual, Prediction predicted) {

        boolean right() {
            return actual.equals(predicted.label());
        }
    }

    /** Figures of one label; {@code support} is how many texts really have it. */
    public record LabelFigures(String label, int support, double precision, double recall, double f1) {
    }

    /** Of the texts predicted with at least {@code threshold} confidence: their share of all texts and accuracy. */
    public record AboveThreshold(double threshold, double share, double accuracy) {
    }

    public static ClassificationReport of(List<Outcome> outcomes, List<String> labelSet) {
        if (outcomes.isEmpty()) {
            throw new IllegalArgumentException("no outcomes to report on");
        }
        Map<String, int[]> counts = new TreeMap<>(); // true positives, predicted, actual
        labelSet.forEach(label -> counts.put(label, new int[3]));
        int right = 0;
        for (Outcome outcome : outcomes) {
            counts.computeIfAbsent(outcome.actual(), label -> new int[3])[2]++;
            counts.computeIfAbsent(outcome.predicted().label(), label -> new int[3])[1]++;
            if (outcome.right()) {
                counts.get(outcome.actual())[0]++;
                right++;
            }
        }
        List<LabelFigures> figures = new ArrayList<>();
        double f1Sum = 0;
        for (Map.Entry<String, int[]> entry : counts.entrySet()) {
            int[] c = entry.getValue();
            double precision = ratio(c[0], c[1]);
            double recall = ratio(c[0], c[2]);
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            figures.add(new LabelFigures(entry.getKey(), c[2], precision, recall, f1));
            f1Sum += f1;
        }
        return new ClassificationReport(outcomes.size(), ratio(right, outcomes.size()), f1Sum / figures.size(),
                List.copyOf(figures));
    }

    /** Accuracy and coverage above each threshold: what auto-dispatch at that threshold would get right and do. */
    public static List<AboveThreshold> aboveThresholds(List<Outcome> outcomes, double... thresholds) {
        List<AboveThreshold> rows = new ArrayList<>();
        for (double threshold : thresholds) {
            int above = 0;
            int right = 0;
            for (Outcome outcome : outcomes) {
                if (outcome.predicted().confidence() >= threshold) {
                    above++;
                    right += outcome.right() ? 1 : 0;
                }
            }
            rows.add(new AboveThreshold(threshold, ratio(above, outcomes.size()), ratio(right, above)));
        }
        return rows;
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : part / (double) whole;
    }
}
