package org.hotline12345.dispatch.classifier;

import java.util.List;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;

/**
 * LIBLINEAR's Java port (de.bwaldvogel:liblinear) over the same TF-IDF features as {@link TextClassifier}: the linear
 * model from a Java machine-learning library that the issue names. {@link ClassifierEvaluation} sets the service's own
 * solver and logistic regression against it; {@link LinearSvmTest} checks the service's weights against its.
 */
final class LiblinearClassifier {

    private final List<String> labels;
    private final FeatureSpace features;
    private final Model model;

    private LiblinearClassifier(List<String> labels, FeatureSpace features, Model model) {
        this.labels = labels;
        this.features = features;
        this.model = model;
    }

    static LiblinearClassifier train(List<LabelledText> examples, SolverType solver, double cost) {
        List<String> labels = examples.stream().map(LabelledText::label).distinct().sorted().toList();
        FeatureSpace space = FeatureSpace.fit(examples.stream().map(LabelledText::text).toList(), 1, 2, 2);
        List<SparseVector> vectors = examples.stream().map(example -> space.vector(example.text())).toList();
        int[] labelOf = examples.stream().mapToInt(example -> labels.indexOf(example.label())).toArray();
        return new LiblinearClassifier(labels, space,
                fit(vectors, labelOf, space.dimension(), new Parameter(solver, cost, 0.1)));
    }

    /** LIBLINEAR trained on the vectors, whose labels are indexes. */
    static Model fit(List<SparseVector> vectors, int[] labels, int dimension, Parameter parameter) {
        Problem problem = new Problem();
        problem.l = vectors.size();
        problem.n = dimension;
        // the feature space's vectors carry their own bias feature
        problem.bias = -1;
        problem.x = new Feature[vectors.size()][];
        problem.y = new double[vectors.size()];
        for (int i = 0; i < vectors.size(); i++) {
            problem.x[i] = nodes(vectors.get(i));
            problem.y[i] = labels[i];
        }
        Linear.disableDebugOutput();
        return Linear.train(problem, parameter);
    }

    /** The likeliest label; its confidence a softmax of the decision values, for the table only. */
    Prediction predict(String text) {
        double[] decisions = new double[model.getNrClass()];
        double label = Linear.predictValues(model, nodes(features.vector(text)), decisions);
        int[] order = model.getLabels();
        double[] probabilities = Calibration.probabilities(decisions, 1);
        for (int k = 0; k < order.length; k++) {
            if (order[k] == (int) label) {
                return new Prediction(labels.get(order[k]), probabilities[k]);
            }
        }
        throw new IllegalStateException("LIBLINEAR predicted a label it was not trained on: " + label);
    }

    private static Feature[] nodes(SparseVector vector) {
        Feature[] nodes = new Feature[vector.indices().length];
        for (int i = 0; i < nodes.length; i++) {
            // LIBLINEAR counts features from 1
            nodes[i] = new FeatureNode(vector.indices()[i] + 1, vector.values()[i]);
        }
        return nodes;
    }
}
