package org.hotline12345.dispatch;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline12345.category.CategoryDirectory;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.security.CurrentActor;
import org.hotline12345.user.Role;

/**
 * 分类处置、按责转办: suggestions as the agent types, the models behind them, and the archive they learn from.
 */
@Path("/api/dispatch")
@Tag(name = "Dispatch")
public class DispatchResource {

    /**
     * What the agent has typed so far.
     *
     * @param categoryCode the category the agent chose; left out, the category model's guesses are used
     */
    public record SuggestRequest(@Size(max = 200) String title, @Size(max = 10000) String content,
            String categoryCode, @Size(max = 50) String district, @Size(max = 50) String street) {
    }

    /** A model in use. */
    public record ModelStatus(ModelKind kind, int version, Instant trainedAt, int trainedOn,
            ModelEvaluation evaluation) {
    }

    /** @param lastRun what the latest training run did for each kind: a new version, or why there is none */
    public record ModelsStatus(List<ModelStatus> models, boolean training, Map<ModelKind, ModelTrainer.Outcome> lastRun,
            long archiveSize) {
    }

    /** 派单设置 as an administrator sets them. */
    public record SettingsRequest(@NotNull Boolean autoDispatch, @NotNull Double autoDispatchThreshold) {
    }

    @Inject
    DispatchSuggester suggester;

    @Inject
    DispatchSettings settings;

    @Inject
    CurrentActor actor;

    @Inject
    ModelRegistry registry;

    @Inject
    ModelTrainer trainer;

    @Inject
    HistoryImport history;

    @Inject
    RuleService rules;

    @Inject
    CategoryDirectory categories;

    @POST
    @Path("/suggest")
    @RolesAllowed({Role.Names.AGENT, Role.Names.DESK, Role.Names.DESK_LEAD, Role.Names.SUPERVISOR, Role.Names.ADMIN})
    @Operation(summary = "Categories and departments for the text, with confidence, and the dispatch proposed and why")
    public DispatchSuggestion suggest(@NotNull @Valid SuggestRequest request) {
        String category = request.categoryCode() == null || request.categoryCode().isBlank()
                ? null
                : request.categoryCode().strip();
        if (category != null) {
            categories.requireActive(category, "categoryCode");
        }
        if (blank(request.title()) && blank(request.content())) {
            throw InvalidFieldException.malformed("title", "NotBlank", "请提供标题或诉求内容");
        }
        LocalDate today = rules.today();
        return suggester.suggest(request.title(), request.content(), category, request.district(), request.street(),
                today);
    }

    @GET
    @Path("/models")
    @RolesAllowed({Role.Names.AGENT, Role.Names.DESK, Role.Names.DESK_LEAD, Role.Names.SUPERVISOR, Role.Names.ADMIN})
    @Operation(summary = "The models in use: trained when, on how many work orders, and how they did on held-out ones")
    public ModelsStatus models() {
        List<ModelStatus> loaded = Arrays.stream(ModelKind.values())
                .flatMap(kind -> registry.model(kind).stream())
                .map(m -> new ModelStatus(m.kind(), m.version(), m.trainedAt(), m.trainedOn(), m.evaluation()))
                .toList();
        return new ModelsStatus(loaded, trainer.running(), trainer.lastRun(), history.archiveSize());
    }

    @POST
    @Path("/models/retrain")
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(summary = "Train both models again now, in the background; the new versions take over when ready")
    public Response retrain() {
        trainer.start();
        return Response.accepted().build();
    }

    @GET
    @Path("/settings")
    @RolesAllowed({Role.Names.SUPERVISOR, Role.Names.ADMIN})
    @Operation(summary = "Whether work orders are dispatched automatically, from which confidence, and who set it")
    public DispatchSettings.Settings settings() {
        return settings.current();
    }

    @PUT
    @Path("/settings")
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(summary = "Turn automatic dispatch on or off and set its threshold (0.5..1), for every instance at once")
    public DispatchSettings.Settings changeSettings(@NotNull @Valid SettingsRequest request) {
        return settings.change(request.autoDispatch(), request.autoDispatchThreshold(), actor.get());
    }

    @POST
    @Path("/history")
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(summary = "Import a city's archive of work orders to train from; bad records are reported, good ones kept")
    public HistoryImport.Report importHistory(@NotNull @Size(max = 10000) List<HistoricalWorkOrderInput> records) {
        return history.importRecords(records);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
