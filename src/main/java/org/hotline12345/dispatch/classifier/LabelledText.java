package org.hotline12345.dispatch.classifier;

import java.util.Objects;

/** A training example: a citizen's text and the label (category or department code) it was given. */
public record LabelledText(String text, String label) {

    public LabelledText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(label, "label");
        if (label.isBlank()) {
            throw new IllegalArgumentException("blank label for text: " + text);
        }
    }
}
