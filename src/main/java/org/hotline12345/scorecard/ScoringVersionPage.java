package org.hotline12345.scorecard;

import java.time.Clock;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.hotline12345.calendar.WorkingCalendar;
import org.hotline12345.common.FormException;
import org.hotline12345.common.PageForms;
import org.hotline12345.department.DepartmentKind;
import org.hotline12345.scorecard.ScoringVersions.VersionRequest;
import org.hotline12345.security.CurrentActor;
import org.hotline12345.user.Role;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * 考核权重 for administrators: the saved scoring versions, and a form for a new one applying from this month or later,
 * filled with the version in force.
 */
@Path("/admin/scorecard-weights")
@RolesAllowed(Role.Names.ADMIN)
public class ScoringVersionPage {

    private static final String PAGE = "/admin/scorecard-weights";

    @CheckedTemplate
    static class Templates {
        /** @param names the administrators' names by username */
        static native TemplateInstance weights(List<ScoringVersion> versions, Map<String, String> names,
                ScoringVersion current, List<Indicator> indicators, List<DepartmentKind> kinds, String nextMonth,
                String done, String error);
    }

    @Inject
    ScoringVersions versions;

    @Inject
    ScorecardStore store;

    @Inject
    AppealService appeals;

    @Inject
    Validator validator;

    @Inject
    CurrentActor actor;

    @Inject
    WorkingCalendar calendar;

    @Inject
    Clock clock;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@QueryParam("done") String done, @QueryParam("error") String error) {
        YearMonth month = YearMonth.from(clock.instant().atZone(calendar.zone()));
        List<ScoringVersion> saved = versions.list();
        return Templates.weights(saved, appeals.names(saved.stream().map(ScoringVersion::createdBy)
                .collect(Collectors.toSet())), store.versionFor(month), List.of(Indicator.values()),
                List.of(DepartmentKind.values()), month.plusMonths(1).toString(), done, error);
    }

    /** Fields {@code weight.INDICATOR} and {@code group.KIND}, with {@code validFrom}, {@code redCount} and so on. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(MultivaluedMap<String, String> form) {
        return PageForms.act(PAGE, "已保存新的考核权重版本", () -> {
            Map<Indicator, Integer> weights = new EnumMap<>(Indicator.class);
            for (Indicator indicator : Indicator.values()) {
                weights.put(indicator, number(form.getFirst("weight." + indicator.name()), indicator.label()));
            }
            Map<DepartmentKind, String> groups = new EnumMap<>(DepartmentKind.class);
            for (DepartmentKind kind : DepartmentKind.values()) {
                String group = form.getFirst("group." + kind.name());
                if (group != null) {
                    groups.put(kind, group);
                }
            }
            return versions.save(PageForms.requireValid(validator, new VersionRequest(form.getFirst("validFrom"),
                    weights, groups, number(form.getFirst("redCount"), "红榜名额"), number(form.getFirst("blackCount"),
                            "黑榜名额")),
                    ScoringVersionPage::fieldLabel), actor.get());
        });
    }

    private static Integer number(String value, String label) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new FormException(label + "：须为整数");
        }
    }

    static String fieldLabel(String field) {
        if (field.startsWith("weights")) {
            return "权重";
        }
        return switch (field) {
            case "validFrom" -> "生效月份";
            case "redCount" -> "红榜名额";
            case "blackCount" -> "黑榜名额";
            case "groups" -> "对比组";
            default -> PageForms.fieldLabel(field);
        };
    }
}
