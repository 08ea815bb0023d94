package org.hotline12345.dispatch.classifier;

import java.util.List;

/**
 * Turns the per-label scores of a linear model into probabilities: a softmax of the scores times one scale (the
 * inverse of a "temperature", Guo et al. 2017), chosen to maximise the likelihood of the right labels on texts the
 * model did not see. SVM scores are margins, not log-odds; the fitted scale makes a confidence of 0.9 right about
 * nine times in ten, which is what an auto-dispatch threshold needs.
 */
final class Calibration {

    /** A scored text and the index of its right label. */
    record Scored(double[] scores, int label) {
    }

    private static final double MIN_LOG_SCALE = Math.log(0.01);
    private static final double MAX_LOG_SCALE = Math.log(1000);

    private Calibration() {
    }

    /**
     * The scale of least negative log-likelihood. That is convex in the scale, so a ternary search over the scale's
     * logarithm finds it.
     */
    static double fitScale(List<Scored> held) {
        double low = MIN_LOG_SCALE;
        double high = MAX_LOG_SCALE;
        for (int i = 0; i < 100; i++) {
            double left = low + (high - low) / 3;
            double right = high - (high - low) / 3;
            if (negativeLogLikelihood(held, Math.exp(left)) <= negativeLogLikelihood(held, Math.exp(right))) {
                high = right;
            } else {
                low = left;
            }
        }
        return Math.exp((low + high) / 2);
    }

    static double[] probabilities(double[] scores, double scale) {
        double max = Double.NEGATIVE_INFINITY;
        for (double score : scores) {
            max = Math.max(max, score);
        }
        double[] probabilities = new double[scores.length];
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            // shifted by the maximum so that exp cannot overflow
            probabilities[i] = Math.exp(scale * (scores[i] - max));
            sum += probabilities[i];
        }
        for (int i = 0; i < scores.length; i++) {
            probabilities[i] /= sum;
        }
        return probabilities;
    }

    private static double negativeLogLikelihood(List<Scored> held, double scale) {
        double sum = 0;
        for (Scored scored : held) {
            sum -= Math.log(Math.max(probabilities(scored.scores(), scale)[scored.label()], Double.MIN_NORMAL));
        }
        return sum;
    }
}
