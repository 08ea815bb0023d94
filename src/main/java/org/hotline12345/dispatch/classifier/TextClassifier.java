package org.hotline12345.dispatch.classifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Suggests labels for a citizen's text: TF-IDF over character unigrams and bigrams, one-vs-rest linear SVMs, and a
 * softmax whose scale is fitted on held-out folds so that confidences are probabilities. Trained in process from
 * labelled texts in seconds; predicting takes microseconds. Immutable and safe to share between threads;
 * {@link #toBytes()} stores it and {@link #fromBytes(byte[])} loads it back with the same predictions.
 */
public final class TextClassifier {

    /**
     * How to train. {@code minN}..{@code maxN}: character n-gram lengths; {@code minDocuments}: an n-gram seen in
     * fewer training texts is ignored (it cannot generalise, and dropping it keeps the model small); {@code cost}: the
     * SVM's C; {@code calibrationFolds}: cross-validation folds to fit the confidence scale on; {@code seed}: the same
     * seed and examples give the same model.
     */
    public record Options(int minN, int maxN, int minDocuments, double cost, int calibrationFolds, long seed) {

        public Options {
            if (minN < 1 || maxN < minN) {
                throw new IllegalArgumentException(
                        "n-gram lengths must satisfy 1 <= min <= max: " + minN + ".." + maxN);
            }
            if (minDocuments < 1) {
                throw new IllegalArgumentException("minimum document count must be at least 1: " + minDocuments);
            }
            if (!(cost > 0)) {
                throw new IllegalArgumentException("cost must be positive: " + cost);
            }
            if (calibrationFolds < 2) {
                throw new IllegalArgumentException("calibration needs at least 2 folds: " + calibrationFolds);
            }
        }

        /**
         * Chosen by 5-fold cross-validation on citizen message titles (ClassifierEvaluation): the best settings were
         * within 0.001 macro-F1 of each other, far less than the 0.005 spread between folds, and of those these make
         * the smallest model.
         */
        public static Options defaults() {
            return new Options(1, 2, 2, 1.0, 5, 12345);
        }

        public Options withSeed(long newSeed) {
            return new Options(minN, maxN, minDocuments, cost, calibrationFolds, newSeed);
        }
    }

    private final List<String> labels;
    private final FeatureSpace features;
    private final float[][] weights;
    private final double scale;
    private final int trainedOn;

    TextClassifier(List<String> labels, FeatureSpace features, float[][] weights, double scale, int trainedOn) {
        if (labels.size() != weights.length) {
            throw new IllegalArgumentException(labels.size() + " labels but " + weights.length + " weight vectors");
        }
        for (float[] vector : weights) {
            if (vector.length != features.dimension()) {
                throw new IllegalArgumentException("weights of " + vector.length + " features, expected "
                        + features.dimension());
            }
        }
        this.labels = List.copyOf(labels);
        this.features = features;
        this.weights = weights;
        this.scale = scale;
        this.trainedOn = trainedOn;
    }

    /**
     * Trains on the examples.
     *
     * @throws IllegalArgumentException when there are no examples or they all have the same label: there is
     *         nothing to tell apart
     */
    public static TextClassifier train(List<LabelledText> examples, Options options) {
        List<String> labels = labelsOf(examples);
        List<Calibration.Scored> held = new ArrayList<>();
        for (StratifiedSplit.Split fold : StratifiedSplit.folds(examples, options.calibrationFolds(), options.seed())) {
            // a model per fold that has not seen the texts it scores: its confidence is what a new text gets
            TextClassifier model = fit(fold.train(), labels, options, 1);
            for (LabelledText example : fold.test()) {
                held.add(new Calibration.Scored(model.scores(example.text()), labels.indexOf(example.label())));
            }
        }
        return fit(examples, labels, options, Calibration.fitScale(held));
    }

    /** The {@code k} likeliest labels, likeliest first (fewer when there are fewer labels). */
    public List<Prediction> predict(String text, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1: " + k);
        }
        double[] probabilities = Calibration.probabilities(scores(text), scale);
        Integer[] order = new Integer[labels.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -probabilities[i]));
        List<Prediction> top = new ArrayList<>(Math.min(k, order.length));
        for (int i = 0; i < Math.min(k, order.length); i++) {
            top.add(new Prediction(labels.get(order[i]), probabilities[order[i]]));
        }
        return top;
    }

    /** The likeliest label. */
    public Prediction predict(String text) {
        return predict(text, 1).get(0);
    }

    /** The labels it can predict, in a fixed order. */
    public List<String> labels() {
        return labels;
    }

    /** How many examples it was trained on. */
    public int trainedOn() {
        return trainedOn;
    }

    /** The model as bytes to store; see {@link ModelFormat} for the layout and its version. */
    public byte[] toBytes() {
        return ModelFormat.write(this);
    }

    /**
     * A model stored by {@link #toBytes()}.
     *
     * @throws IllegalArgumentException when the bytes are not a model or of a format version this code cannot read
     */
    public static TextClassifier fromBytes(byte[] bytes) {
        return ModelFormat.read(bytes);
    }

    FeatureSpace features() {
        return features;
    }

    float[][] weights() {
        return weights;
    }

    double scale() {
        return scale;
    }

    private double[] scores(String text) {
        SparseVector vector = features.vector(text);
        double[] scores = new double[weights.length];
        for (int label = 0; label < weights.length; label++) {
            scores[label] = vector.dot(weights[label]);
        }
        return scores;
    }

    private static TextClassifier fit(List<LabelledText> examples, List<String> labels, Options options,
            double scale) {
        FeatureSpace space = FeatureSpace.fit(examples.stream().map(LabelledText::text).toList(), options.minN(),
                options.maxN(), options.minDocuments());
        Map<String, Integer> labelIndex = new HashMap<>();
        labels.forEach(label -> labelIndex.put(label, labelIndex.size()));
        List<SparseVector> vectors = new ArrayList<>(examples.size());
        int[] labelOf = new int[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            vectors.add(space.vector(examples.get(i).text()));
            labelOf[i] = labelIndex.get(examples.get(i).label());
        }
        float[][] weights = LinearSvm.train(vectors, labelOf, labels.size(), space.dimension(), options.cost(),
                options.seed());
        return new TextClassifier(labels, space, weights, scale, examples.size());
    }

    private static List<String> labelsOf(List<LabelledText> examples) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("no examples to train on");
        }
        Map<String, Integer> counts = new TreeMap<>();
        examples.forEach(example -> counts.merge(example.label(), 1, Integer::sum));
        if (counts.size() < 2) {
            throw new IllegalArgumentException("examples of at least two labels are needed to train a classifier, got"
                    + " only " + counts.keySet());
        }
        return List.copyOf(counts.keySet());
    }
}
