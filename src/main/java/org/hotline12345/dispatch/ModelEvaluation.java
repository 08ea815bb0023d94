package org.hotline12345.dispatch;

import java.util.List;

/**
 * How a model did on work orders it was not trained on (a fixed, stratified fifth held out), before it was trained
 * again on all of them.
 *
 * @param heldOut the texts it was tested on; 0 (and no figures) when there were too few to hold some out
 * @param labels per label: F1 and the number of held-out texts
 * @param confidence the share of texts at or above each confidence, and how often those were right
 */
public record ModelEvaluation(int heldOut, Double accuracy, Double macroF1, List<LabelFigure> labels,
        List<ConfidenceFigure> confidence, long trainingMillis) {

    public record LabelFigure(String label, int support, double f1) {
    }

    public record ConfidenceFigure(double threshold, double share, double accuracy) {
    }
}
