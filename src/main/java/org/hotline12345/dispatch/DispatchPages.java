package org.hotline12345.dispatch;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hotline12345.calendar.CalendarConfig;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.common.PageForms;
import org.hotline12345.security.CurrentActor;
import org.hotline12345.user.Role;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * 派单设置: the administrators turn automatic dispatch on or off and set its threshold, see the models the suggestions
 * come from and have them trained again.
 */
@Path("/admin/dispatch")
@RolesAllowed(Role.Names.ADMIN)
public class DispatchPages {

    /** A model in use as the page shows it; the held-out figures as percentages, "—" where none were held out. */
    public record ModelRow(ModelKind kind, int version, OffsetDateTime trainedAt, int trainedOn, String accuracy,
            String macroF1, int heldOut) {
    }

    /** The settings as the page shows them. */
    public record SettingsView(boolean autoDispatch, double autoDispatchThreshold, String changedBy,
            OffsetDateTime changedAt) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dispatch(SettingsView settings, List<ModelRow> models,
                List<ModelTrainer.Outcome> lastRun, boolean training, long archiveSize, String done, String error);
    }

    @Inject
    DispatchSettings settings;

    @Inject
    ModelRegistry registry;

    @Inject
    ModelTrainer trainer;

    @Inject
    HistoryImport history;

    @Inject
    CurrentActor actor;

    @Inject
    CalendarConfig calendar;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@QueryParam("done") String done, @QueryParam("error") String error) {
        DispatchSettings.Settings current = settings.current();
        List<ModelRow> models = Arrays.stream(ModelKind.values())
                .flatMap(kind -> registry.model(kind).stream())
                .map(m -> new ModelRow(m.kind(), m.version(), local(m.trainedAt()), m.trainedOn(),
                        percent(m.evaluation() == null ? null : m.evaluation().accuracy()),
                        percent(m.evaluation() == null ? null : m.evaluation().macroF1()),
                        m.evaluation() == null ? 0 : m.evaluation().heldOut()))
                .toList();
        return Templates.dispatch(new SettingsView(current.autoDispatch(), current.autoDispatchThreshold(),
                current.changedBy(), local(current.changedAt())), models,
                trainer.lastRun().values().stream().sorted(Comparator.comparing(ModelTrainer.Outcome::kind)).toList(),
                trainer.running(), history.archiveSize(), done, error);
    }

    @POST
    @Path("/settings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@FormParam("autoDispatch") String autoDispatch,
            @FormParam("autoDispatchThreshold") String threshold) {
        boolean on = "on".equals(autoDispatch) || "true".equals(autoDispatch);
        return PageForms.act("/admin/dispatch", on ? "已开启自动派单" : "已关闭自动派单：新登记的工单均由坐席派单",
                () -> settings.change(on, number(threshold), actor.get()));
    }

    @POST
    @Path("/retrain")
    public Response retrain() {
        return PageForms.act("/admin/dispatch", "已开始重新训练：新版本训练完成后自动启用，刷新本页查看", () -> {
            trainer.start();
            return null;
        });
    }

    private static double number(String text) {
        String value = PageForms.required("autoDispatchThreshold", text);
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw InvalidFieldException.malformed("autoDispatchThreshold", "Number", "须为 0.5 至 1 之间的小数");
        }
    }

    private static String percent(Double share) {
        return share == null ? "—" : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    private OffsetDateTime local(Instant at) {
        return at == null ? null : at.atZone(calendar.zone()).toOffsetDateTime();
    }
}
