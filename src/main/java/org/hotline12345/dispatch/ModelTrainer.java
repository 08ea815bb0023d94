package org.hotline12345.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.hotline12345.common.ConflictException;
import org.hotline12345.dispatch.classifier.ClassificationReport;
import org.hotline12345.dispatch.classifier.LabelledText;
import org.hotline12345.dispatch.classifier.StratifiedSplit;
import org.hotline12345.dispatch.classifier.TextClassifier;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Trains the models from the latest training data, on a schedule and on demand: each is first evaluated on a held-out
 * fifth, then trained on everything, stored as a new version, and put to use at once.
 */
@ApplicationScoped
public class ModelTrainer {

    private static final Logger LOG = Logger.getLogger(ModelTrainer.class);
    private static final long SPLIT_SEED = 20261124L;
    private static final double[] THRESHOLDS = {0.5, 0.7, 0.8, 0.9};

    /** What a training run did for one kind: a new version, or why there is none. */
    public record Outcome(ModelKind kind, Integer version, int examples, String skipped) {
    }

    @Inject
    TrainingData data;

    @Inject
    DispatchModelRepository repository;

    @Inject
    ModelRegistry registry;

    @Inject
    DispatchConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    ManagedExecutor executor;

    @Inject
    Clock clock;

    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Map<ModelKind, Outcome> lastRun = Map.of();

    @Scheduled(identity = "dispatch-model-retrain", cron = "${hotline.dispatch.retrain-cron}", timeZone = "${hotline.calendar.zone}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        if (running.compareAndSet(false, true)) {
            try {
                trainAll();
            } finally {
                running.set(false);
            }
        }
    }

    /** Starts a training run in the background; 409 while one runs. */
    public void start() {
        if (!running.compareAndSet(false, true)) {
            throw new ConflictException("派单模型正在训练中");
        }
        executor.runAsync(() -> {
            try {
                trainAll();
            } catch (RuntimeException e) {
                LOG.error("Training the dispatch models failed", e);
            } finally {
                running.set(false);
            }
        });
    }

    public boolean running() {
        return running.get();
    }

    public Map<ModelKind, Outcome> lastRun() {
        return lastRun;
    }

    /** Trains both models in the calling thread. */
    public Map<ModelKind, Outcome> trainAll() {
        Map<ModelKind, Outcome> outcomes = new EnumMap<>(ModelKind.class);
        for (ModelKind kind : ModelKind.values()) {
            outcomes.put(kind, train(kind));
        }
        lastRun = Map.copyOf(outcomes);
        return lastRun;
    }

    private Outcome train(ModelKind kind) {
        List<LabelledText> examples = QuarkusTransaction.requiringNew().call(() -> data.examples(kind));
        long labels = examples.stream().map(LabelledText::label).distinct().count();
        if (examples.size() < config.minimumExamples() || labels < 2) {
            String what = kind == ModelKind.CATEGORY ? "个分类" : "个承办单位";
            // the administrators read it on 派单设置
            String reason = "样本不足：至少需要 " + config.minimumExamples() + " 条、2" + what + "以上，现有 " + examples.size()
                    + " 条、" + labels + what;
            LOG.infof("Dispatch model %s not trained: %d examples of %d labels, %d needed", kind, examples.size(),
                    labels, config.minimumExamples());
            return new Outcome(kind, null, examples.size(), reason);
        }
        long started = System.nanoTime();
        ModelEvaluation evaluation = evaluate(examples);
        TextClassifier model = TextClassifier.train(examples, TextClassifier.Options.defaults());
        long millis = (System.nanoTime() - started) / 1_000_000;
        ModelEvaluation withTime = new ModelEvaluation(evaluation.heldOut(), evaluation.accuracy(),
                evaluation.macroF1(), evaluation.labels(), evaluation.confidence(), millis);
        Instant now = clock.instant();
        DispatchModel stored = QuarkusTransaction.requiringNew().call(() -> {
            DispatchModel version = new DispatchModel(kind, repository.newestVersion(kind) + 1, now, examples.size(),
                    toJson(withTime), model.toBytes());
            repository.persist(version);
            return version;
        });
        registry.use(stored);
        LOG.infof("Dispatch model %s version %d trained on %d examples in %d ms, held-out macro-F1 %s", kind,
                stored.getVersion(), examples.size(), millis, evaluation.macroF1());
        return new Outcome(kind, stored.getVersion(), examples.size(), null);
    }

    /**
     * Held-out figures where every label has enough examples to be split; labels with a single example stay in
     * training only.
     */
    private ModelEvaluation evaluate(List<LabelledText> examples) {
        StratifiedSplit.Split split = StratifiedSplit.holdOut(examples, 0.2, SPLIT_SEED);
        if (split.test().isEmpty() || split.train().stream().map(LabelledText::label).distinct().count() < 2) {
            return new ModelEvaluation(0, null, null, List.of(), List.of(), 0);
        }
        TextClassifier model = TextClassifier.train(split.train(), TextClassifier.Options.defaults());
        List<ClassificationReport.Outcome> outcomes = new ArrayList<>();
        for (LabelledText example : split.test()) {
            outcomes.add(new ClassificationReport.Outcome(example.label(), model.predict(example.text())));
        }
        ClassificationReport report = ClassificationReport.of(outcomes, model.labels());
        return new ModelEvaluation(split.test().size(), report.accuracy(), report.macroF1(),
                report.labels().stream().map(l -> new ModelEvaluation.LabelFigure(l.label(), l.support(), l.f1()))
                        .toList(),
                ClassificationReport.aboveThresholds(outcomes, THRESHOLDS).stream()
                        .map(a -> new ModelEvaluation.ConfidenceFigure(a.threshold(), a.share(), a.accuracy()))
                        .toList(),
                0);
    }

    private String toJson(ModelEvaluation evaluation) {
        try {
            return json.writeValueAsString(evaluation);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
