package org.hotline12345.dispatch.classifier;

/** A suggested label with the model's probability that it is the right one, in [0, 1]. */
public record Prediction(String label, double confidence) {
}
