package org.hotline12345.dispatch.classifier;

import java.util.List;

/**
 * Complement naive Bayes (Rennie et al. 2003) over the same TF-IDF features as {@link TextClassifier}: a baseline for
 * {@link ClassifierEvaluation}. Each label is scored by how badly the texts of all other labels explain the text, which
 * copes with uneven label sizes better than plain multinomial naive Bayes.
 */
final class ComplementNaiveBayes {

    private final List<String> labels;
    private final FeatureSpace features;
    private final double[][] logComplement;

    private ComplementNaiveBayes(List<String> labels, FeatureSpace features, double[][] logComplement) {
        this.labels = labels;
        this.features = features;
        this.logComplement = logComplement;
    }

    static ComplementNaiveBayes train(List<LabelledText> examples, double smoothing) {
        List<String> labels = examples.stream().map(LabelledText::label).distinct().sorted().toList();
        FeatureSpace space = FeatureSpace.fit(examples.stream().map(LabelledText::text).toList(), 1, 3, 2);
        int terms = space.biasFeature();
        double[][] byLabel = new double[labels.size()][terms];
        double[] all = new double[terms];
        for (LabelledText example : examples) {
            SparseVector vector = space.vector(example.text());
            double[] counts = byLabel[labels.indexOf(example.label())];
            for (int i = 0; i < vector.indices().length; i++) {
                if (vector.indices()[i] < terms) {
                    counts[vector.indices()[i]] += vector.values()[i];
                    all[vector.indices()[i]] += vector.values()[i];
                }
            }
        }
        double[][] logComplement = new double[labels.size()][terms];
        for (int label = 0; label < labels.size(); label++) {
            double total = 0;
            for (int i = 0; i < terms; i++) {
                total += all[i] - byLabel[label][i] + smoothing;
            }
            for (int i = 0; i < terms; i++) {
                logComplement[label][i] = Math.log((all[i] - byLabel[label][i] + smoothing) / total);
            }
        }
        return new ComplementNaiveBayes(labels, space, logComplement);
    }

    /** The label whose complement explains the text worst; confidence a softmax of the scores, for the table only. */
    Prediction predict(String text) {
        SparseVector vector = features.vector(text);
        double[] scores = new double[labels.size()];
        for (int label = 0; label < labels.size(); label++) {
            for (int i = 0; i < vector.indices().length; i++) {
                if (vector.indices()[i] < features.biasFeature()) {
                    scores[label] -= vector.values()[i] * logComplement[label][vector.indices()[i]];
                }
            }
        }
        double[] probabilities = Calibration.probabilities(scores, 1);
        int best = 0;
        for (int label = 1; label < labels.size(); label++) {
            best = probabilities[label] > probabilities[best] ? label : best;
        }
        return new Prediction(labels.get(best), probabilities[best]);
    }
}
