package org.hotline12345.dispatch;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.hotline12345.dispatch.classifier.TextClassifier;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * The models in use, one per kind, swapped in one step when a newer version is trained here or by another instance:
 * a suggestion in progress finishes with the model it started with, the next one gets the new model.
 */
@ApplicationScoped
public class ModelRegistry {

    private static final Logger LOG = Logger.getLogger(ModelRegistry.class);

    /** A model in use with what is known of it. */
    public record LoadedModel(ModelKind kind, int version, Instant trainedAt, int trainedOn,
            ModelEvaluation evaluation, TextClassifier classifier) {
    }

    @Inject
    DispatchModelRepository repository;

    @Inject
    ObjectMapper json;

    private final AtomicReference<Map<ModelKind, LoadedModel>> models = new AtomicReference<>(Map.of());

    void onStart(@Observes StartupEvent event) {
        refresh();
    }

    public Optional<LoadedModel> model(ModelKind kind) {
        return Optional.ofNullable(models.get().get(kind));
    }

    /** Loads the newest version of each kind where it is newer than the one in use. */
    @Scheduled(identity = "dispatch-model-refresh", every = "${hotline.dispatch.model-refresh-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public void refresh() {
        for (ModelKind kind : ModelKind.values()) {
            int inUse = model(kind).map(LoadedModel::version).orElse(0);
            if (QuarkusTransaction.requiringNew().call(() -> repository.newestVersion(kind)) > inUse) {
                QuarkusTransaction.requiringNew().call(() -> repository.newest(kind)).ifPresent(this::use);
            }
        }
    }

    /** Puts a model to use at once. */
    void use(DispatchModel stored) {
        LoadedModel loaded = new LoadedModel(stored.getKind(), stored.getVersion(), stored.getTrainedAt(),
                stored.getTrainedOn(), evaluation(stored.getEvaluation()), TextClassifier.fromBytes(stored.getModel()));
        models.updateAndGet(current -> {
            LoadedModel before = current.get(loaded.kind());
            if (before != null && before.version() >= loaded.version()) {
                return current;
            }
            Map<ModelKind, LoadedModel> next = new EnumMap<>(ModelKind.class);
            next.putAll(current);
            next.put(loaded.kind(), loaded);
            return Map.copyOf(next);
        });
        LOG.infof("Dispatch model %s version %d in use (trained on %d work orders)", loaded.kind(), loaded.version(),
                loaded.trainedOn());
    }

    private ModelEvaluation evaluation(String text) {
        try {
            return json.readValue(text, ModelEvaluation.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored model evaluation is not readable", e);
        }
    }
}
