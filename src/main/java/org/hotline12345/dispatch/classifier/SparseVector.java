package org.hotline12345.dispatch.classifier;

/** Feature indices in increasing order with their values; texts are short, so few of the features are present. */
record SparseVector(int[] indices, float[] values) {

    double dot(float[] weights) {
        double sum = 0;
        for (int i = 0; i < indices.length; i++) {
            sum += weights[indices[i]] * (double) values[i];
        }
        return sum;
    }

    double squaredNorm() {
        double sum = 0;
        for (float value : values) {
            sum += value * (double) value;
        }
        return sum;
    }

    /** {@code weights += factor * this}. */
    void addTo(float[] weights, double factor) {
        for (int i = 0; i < indices.length; i++) {
            weights[indices[i]] += (float) (factor * values[i]);
        }
    }
}
