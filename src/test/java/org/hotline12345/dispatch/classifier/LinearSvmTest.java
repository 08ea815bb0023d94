package org.hotline12345.dispatch.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.SolverType;

/** The service's solver against LIBLINEAR's Java port, the reference implementation of the same algorithm. */
class LinearSvmTest {

    private static final int LABELS = 3;
    private static final int DIMENSION = 301;
    private static final int BIAS = DIMENSION - 1;

    private record Data(List<SparseVector> vectors, int[] labels) {
    }

    @Test
    void findsTheSameWeightsAsLiblinear() {
        Data train = noisy(900, 1);
        float[][] ours = LinearSvm.train(train.vectors(), train.labels(), LABELS, DIMENSION, 1.0, 12345);
        double[][] reference = liblinear(train, 1.0);

        for (int label = 0; label < LABELS; label++) {
            assertThat(cosine(ours[label], reference[label])).as("label %d", label).isGreaterThan(0.995);
        }
        Data test = noisy(600, 2);
        int agreeing = 0;
        for (SparseVector vector : test.vectors()) {
            if (argmax(vector, ours) == argmax(vector, toFloat(reference))) {
                agreeing++;
            }
        }
        assertThat(agreeing).isGreaterThanOrEqualTo(590);
    }

    @Test
    void aLabelWithoutExamplesGetsAVectorThatScoresBelowZero() {
        Data train = noisy(300, 3);
        // label 3 of 4 has no examples, as a rare label can lack them in a calibration fold
        float[][] weights = LinearSvm.train(train.vectors(), train.labels(), LABELS + 1, DIMENSION, 1.0, 1);
        assertThat(weights).hasNumberOfRows(LABELS + 1);
        for (SparseVector vector : noisy(100, 4).vectors()) {
            assertThat(vector.dot(weights[LABELS])).isNegative();
        }
    }

    /**
     * Each label has its own 60 features; a vector takes 5 of its label's and 3 of any, and a tenth are mislabelled.
     */
    private static Data noisy(int count, long seed) {
        Random random = new Random(seed);
        List<SparseVector> vectors = new ArrayList<>();
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            int label = random.nextInt(LABELS);
            int[] indices = new int[9];
            for (int j = 0; j < 5; j++) {
                indices[j] = label * 60 + random.nextInt(60);
            }
            for (int j = 5; j < 8; j++) {
                indices[j] = random.nextInt(BIAS);
            }
            indices[8] = BIAS;
            int[] distinct = Arrays.stream(indices).distinct().sorted().toArray();
            float[] values = new float[distinct.length];
            Arrays.fill(values, (float) (1 / Math.sqrt(distinct.length)));
            values[values.length - 1] = 1;
            vectors.add(new SparseVector(distinct, values));
            labels[i] = random.nextInt(10) == 0 ? random.nextInt(LABELS) : label;
        }
        return new Data(vectors, labels);
    }

    /** Weights per label, in label order. */
    private static double[][] liblinear(Data data, double cost) {
        Model model = LiblinearClassifier.fit(data.vectors(), data.labels(), DIMENSION,
                new Parameter(SolverType.L2R_L2LOSS_SVC_DUAL, cost, 0.001));
        double[] flat = model.getFeatureWeights();
        double[][] weights = new double[LABELS][DIMENSION];
        for (int position = 0; position < LABELS; position++) {
            int label = model.getLabels()[position];
            for (int feature = 0; feature < DIMENSION; feature++) {
                weights[label][feature] = flat[feature * LABELS + position];
            }
        }
        return weights;
    }

    private static double cosine(float[] a, double[] b) {
        double dot = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            aa += a[i] * (double) a[i];
            bb += b[i] * b[i];
        }
        return dot / Math.sqrt(aa * bb);
    }

    private static int argmax(SparseVector vector, float[][] weights) {
        int best = 0;
        for (int label = 1; label < weights.length; label++) {
            if (vector.dot(weights[label]) > vector.dot(weights[best])) {
                best = label;
            }
        }
        return best;
    }

    private static float[][] toFloat(double[][] weights) {
        float[][] copy = new float[weights.length][];
        for (int i = 0; i < weights.length; i++) {
            copy[i] = new float[weights[i].length];
            for (int j = 0; j < weights[i].length; j++) {
                copy[i][j] = (float) weights[i][j];
            }
        }
        return copy;
    }
}
