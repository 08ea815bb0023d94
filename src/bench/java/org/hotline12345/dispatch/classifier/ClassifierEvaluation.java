package org.hotline12345.dispatch.classifier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import de.bwaldvogel.liblinear.SolverType;

/**
 * Evaluation of the text classifier on public data. Not a test: run it with the command in docs/performance.md.
 * <p>
 * Reads the citizen message titles of {@code ../shared/datasets/citizen-messages/titles-train.tsv} (7 labels), holds
 * out a fixed, stratified, seeded 20%, and compares candidate methods by 5-fold cross-validation on the other 80%
 * (the figures the method and its options were chosen by) and then on the held-out part. It ends with the full
 * report of {@link TextClassifier} with its default options on the held-out part: per-label figures, training time,
 * single-text latency and how accurate the predictions above each confidence threshold are.
 */
public final class ClassifierEvaluation {

    private static final Path DATA = Path.of("../shared/datasets/citizen-messages/titles-train.tsv");
    private static final long SPLIT_SEED = 12345;
    private static final long FOLD_SEED = 7;
    private static final int FOLDS = 5;

    /** A way to train a model; the model maps a text to its predicted label. */
    private record Candidate(String name, Function<List<LabelledText>, Function<String, Prediction>> trainer) {
    }

    /** {@code spread}: the standard deviation of macro-F1 between folds (0 for a single split). */
    private record Result(double macroF1, double spread, double accuracy, double trainSeconds) {
    }

    public static void main(String[] args) throws IOException {
        if (!Files.exists(DATA)) {
            System.out.println("skipped: " + DATA + " is absent");
            return;
        }
        List<LabelledText> examples = read(DATA);
        StratifiedSplit.Split split = StratifiedSplit.holdOut(examples, 0.2, SPLIT_SEED);
        System.out.printf(Locale.ROOT, "%s: %,d titles, %d labels; held out %,d (20%%, stratified, seed %d), "
                + "trained on %,d%n%n", DATA.getFileName(), examples.size(), labels(examples).size(),
                split.test().size(), SPLIT_SEED, split.train().size());

        System.out.println(
                "| method | CV macro-F1 (± between folds) | CV accuracy | held-out macro-F1 | held-out accuracy "
                        + "| training |");
        System.out.println("|---|---|---|---|---|---|");
        for (Candidate candidate : candidates()) {
            Result cv = crossValidate(candidate, split.train());
            Result held = evaluate(candidate, split);
            System.out.printf(Locale.ROOT, "| %s | %.4f ± %.4f | %.4f | %.4f | %.4f | %.2f s |%n", candidate.name(),
                    cv.macroF1(), cv.spread(), cv.accuracy(), held.macroF1(), held.accuracy(), held.trainSeconds());
        }
        System.out.println();
        report(split);
    }

    private static List<Candidate> candidates() {
        return List.of(svm("char 1-2, min df 2, C=1 (default)", TextClassifier.Options.defaults()),
                svm("char 1-2, min df 2, C=0.5", options(1, 2, 2, 0.5)),
                svm("char 1-2, min df 2, C=2", options(1, 2, 2, 2)),
                svm("char 1-2, min df 1, C=1", options(1, 2, 1, 1)),
                svm("char 1-3, min df 2, C=1", options(1, 3, 2, 1)),
                svm("char 1-3, min df 2, C=0.5", options(1, 3, 2, 0.5)),
                svm("char 1-3, min df 2, C=2", options(1, 3, 2, 2)),
                svm("char 1-3, min df 1, C=1", options(1, 3, 1, 1)),
                svm("char 1-4, min df 2, C=1", options(1, 4, 2, 1)),
                new Candidate("complement naive Bayes, char 1-3 TF-IDF, alpha 0.3",
                        train -> ComplementNaiveBayes.train(train, 0.3)::predict),
                liblinear("one-vs-rest linear SVM (the same solver)", SolverType.L2R_L2LOSS_SVC_DUAL, 1),
                liblinear("logistic regression", SolverType.L2R_LR_DUAL, 1),
                liblinear("logistic regression", SolverType.L2R_LR_DUAL, 10),
                liblinear("logistic regression", SolverType.L2R_LR_DUAL, 100),
                liblinear("Crammer-Singer multi-class SVM", SolverType.MCSVM_CS, 1),
                new Candidate("Lucene SimpleNaiveBayes, IK words",
                        train -> LuceneClassifier.naiveBayes(train)::predict),
                new Candidate("Lucene KNN k=10 (BM25), IK words",
                        train -> LuceneClassifier.nearestNeighbours(train, 10)::predict));
    }

    private static Candidate svm(String name, TextClassifier.Options options) {
        return new Candidate("linear SVM, " + name, train -> TextClassifier.train(train, options)::predict);
    }

    private static Candidate liblinear(String name, SolverType solver, int cost) {
        return new Candidate("LIBLINEAR's Java port, " + name + ", char 1-2, min df 2, C=" + cost,
                train -> LiblinearClassifier.train(train, solver, cost)::predict);
    }

    private static TextClassifier.Options options(int minN, int maxN, int minDocuments, double cost) {
        TextClassifier.Options defaults = TextClassifier.Options.defaults();
        return new TextClassifier.Options(minN, maxN, minDocuments, cost, defaults.calibrationFolds(),
                defaults.seed());
    }

    /** Macro-F1 and accuracy over the pooled predictions of all folds. */
    private static Result crossValidate(Candidate candidate, List<LabelledText> train) {
        List<ClassificationReport.Outcome> outcomes = new ArrayList<>();
        double[] foldF1 = new double[FOLDS];
        double seconds = 0;
        List<StratifiedSplit.Split> folds = StratifiedSplit.folds(train, FOLDS, FOLD_SEED);
        for (int i = 0; i < FOLDS; i++) {
            long start = System.nanoTime();
            Function<String, Prediction> model = candidate.trainer().apply(folds.get(i).train());
            seconds += (System.nanoTime() - start) / 1e9;
            List<ClassificationReport.Outcome> fold = outcomes(model, folds.get(i).test());
            foldF1[i] = ClassificationReport.of(fold, labels(train)).macroF1();
            outcomes.addAll(fold);
        }
        ClassificationReport report = ClassificationReport.of(outcomes, labels(train));
        double mean = Arrays.stream(foldF1).average().orElseThrow();
        double spread = Math.sqrt(Arrays.stream(foldF1).map(f1 -> (f1 - mean) * (f1 - mean)).sum() / FOLDS);
        return new Result(report.macroF1(), spread, report.accuracy(), seconds / FOLDS);
    }

    private static Result evaluate(Candidate candidate, StratifiedSplit.Split split) {
        long start = System.nanoTime();
        Function<String, Prediction> model = candidate.trainer().apply(split.train());
        double seconds = (System.nanoTime() - start) / 1e9;
        ClassificationReport report = ClassificationReport.of(outcomes(model, split.test()), labels(split.train()));
        return new Result(report.macroF1(), 0, report.accuracy(), seconds);
    }

    private static void report(StratifiedSplit.Split split) {
        long start = System.nanoTime();
        TextClassifier model = TextClassifier.train(split.train(), TextClassifier.Options.defaults());
        double seconds = (System.nanoTime() - start) / 1e9;
        List<ClassificationReport.Outcome> outcomes = outcomes(model::predict, split.test());
        ClassificationReport report = ClassificationReport.of(outcomes, model.labels());
        System.out.printf(Locale.ROOT, "TextClassifier, default options, held-out %,d titles: accuracy %.4f, "
                + "macro-F1 %.4f; trained on %,d in %.2f s (with %d-fold confidence calibration); model %,d bytes%n%n",
                report.texts(), report.accuracy(), report.macroF1(), model.trainedOn(), seconds,
                TextClassifier.Options.defaults().calibrationFolds(), model.toBytes().length);
        System.out.println("| label | texts | precision | recall | F1 |");
        System.out.println("|---|---|---|---|---|");
        for (ClassificationReport.LabelFigures label : report.labels()) {
            System.out.printf(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f |%n", label.label(), label.support(),
                    label.precision(), label.recall(), label.f1());
        }
        System.out.println();
        System.out.println("| confidence at least | share of texts | accuracy |");
        System.out.println("|---|---|---|");
        for (ClassificationReport.AboveThreshold row : ClassificationReport.aboveThresholds(outcomes, 0.5, 0.7, 0.8,
                0.9)) {
            System.out.printf(Locale.ROOT, "| %.1f | %.3f | %.4f |%n", row.threshold(), row.share(), row.accuracy());
        }
        System.out.println();
        printLatency(model, split.test());
    }

    /** One text at a time, top 3, as the suggest API asks; after a warm-up so that the JIT has compiled the path. */
    private static void printLatency(TextClassifier model, List<LabelledText> texts) {
        for (int round = 0; round < 20; round++) {
            texts.forEach(text -> model.predict(text.text(), 3));
        }
        long[] nanos = new long[texts.size()];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            model.predict(texts.get(i).text(), 3);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "prediction latency (top 3, single text, %,d texts): p50 %.1f µs, p99 %.1f µs, "
                + "max %.1f µs%n", nanos.length, nanos[nanos.length / 2] / 1e3,
                nanos[(int) Math.ceil(nanos.length * 0.99) - 1] / 1e3, nanos[nanos.length - 1] / 1e3);
    }

    private static List<ClassificationReport.Outcome> outcomes(Function<String, Prediction> model,
            List<LabelledText> texts) {
        return texts.stream()
                .map(text -> new ClassificationReport.Outcome(text.label(), model.apply(text.text())))
                .toList();
    }

    private static List<String> labels(List<LabelledText> examples) {
        return examples.stream().map(LabelledText::label).distinct().sorted().toList();
    }

    private static List<LabelledText> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<LabelledText> examples = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] columns = line.split("\t");
            if (columns.length == 2 && !columns[0].isBlank() && !columns[1].isBlank()) {
                examples.add(new LabelledText(columns[0].strip(), columns[1].strip()));
            }
        }
        return examples;
    }
}
