package org.hotline12345.dispatch.classifier;

import java.util.List;
import java.util.Random;

/**
 * One-vs-rest linear support vector machines with the squared hinge loss, trained by dual coordinate descent (Hsieh
 * et al., "A dual coordinate descent method for large-scale linear SVM", 2008: the LIBLINEAR solver). Each pass
 * costs one sweep over the non-zero features, so thousands of short texts train in well under a second. LIBLINEAR's
 * Java port scores the same (ClassifierEvaluation) but trains only the labels present in its examples and keeps a
 * single vector for two; this trains one vector for every label of the model, also for a label a calibration fold
 * lacks.
 */
final class LinearSvm {

    /** LIBLINEAR's default: a looser tolerance changes no prediction but stops sooner. */
    private static final double TOLERANCE = 0.1;
    private static final int MAX_PASSES = 1000;

    private LinearSvm() {
    }

    /**
     * One weight vector per label; {@code labels[i]} is the label index of {@code vectors[i]}. {@code cost} trades
     * training errors against the margin: higher fits the training texts more closely.
     */
    static float[][] train(List<SparseVector> vectors, int[] labels, int labelCount, int dimension, double cost,
            long seed) {
        float[][] weights = new float[labelCount][];
        for (int label = 0; label < labelCount; label++) {
            weights[label] = binary(vectors, labels, label, dimension, cost, new Random(seed + label));
        }
        return weights;
    }

    private static float[] binary(List<SparseVector> vectors, int[] labels, int positive, int dimension, double cost,
            Random random) {
        int n = vectors.size();
        float[] weights = new float[dimension];
        double[] alpha = new double[n];
        // the squared hinge loss adds 1/(2C) to the diagonal of the dual problem instead of bounding alpha by C
        double diagonal = 1 / (2 * cost);
        double[] qii = new double[n];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            qii[i] = vectors.get(i).squaredNorm() + diagonal;
            order[i] = i;
        }
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            shuffle(order, random);
            double maxGradient = Double.NEGATIVE_INFINITY;
            double minGradient = Double.POSITIVE_INFINITY;
            for (int i : order) {
                SparseVector x = vectors.get(i);
                int y = labels[i] == positive ? 1 : -1;
                double gradient = y * x.dot(weights) - 1 + diagonal * alpha[i];
                double projected = alpha[i] == 0 ? Math.min(gradient, 0) : gradient;
                maxGradient = Math.max(maxGradient, projected);
                minGradient = Math.min(minGradient, projected);
                if (projected != 0) {
                    double previous = alpha[i];
                    alpha[i] = Math.max(previous - gradient / qii[i], 0);
                    x.addTo(weights, (alpha[i] - previous) * y);
                }
            }
            if (maxGradient - minGradient < TOLERANCE) {
                break;
            }
        }
        return weights;
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
