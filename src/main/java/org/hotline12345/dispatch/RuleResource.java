package org.hotline12345.dispatch;

import java.net.URI;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline12345.category.CategoryDirectory;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.common.QueryParameters;
import org.hotline12345.common.TextInput;
import org.hotline12345.security.CurrentActor;
import org.hotline12345.user.Role;

/** 确责清单: administrators maintain the rules; the hotline reads them and asks "which department?". */
@Path("/api/dispatch/rules")
@Tag(name = "Dispatch")
@RolesAllowed({Role.Names.ADMIN, Role.Names.AGENT, Role.Names.DESK, Role.Names.DESK_LEAD, Role.Names.SUPERVISOR})
public class RuleResource {

    private static final Pattern RULE_ID = Pattern.compile("[Rr]?(\\d{1,18})");

    @Inject
    RuleService service;

    @Inject
    ResponsibilityList list;

    @Inject
    RuleImport importer;

    @Inject
    CategoryDirectory categories;

    @Inject
    CurrentActor actor;

    @Inject
    RuleReview review;

    @GET
    @Operation(summary = "The rules in force on a date (today by default), or every version with history=true")
    public List<RuleView> list(
            @Parameter(description = "Category code; includes rules on its subtree") @QueryParam("category") String category,
            @QueryParam("district") String district,
            @Parameter(description = "The date the rules are in force on, e.g. 2026-11-24") @QueryParam("at") String at,
            @Parameter(description = "true: every version, withdrawn and ended ones too") @QueryParam("history") String history) {
        LocalDate day = QueryParameters.date("at", at);
        return list.rules(category, district, day != null ? day : service.today(),
                Boolean.TRUE.equals(QueryParameters.bool("history", history)));
    }

    @GET
    @Path("/review")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.SUPERVISOR})
    @Operation(summary = "确责清单复核: categories and districts where approved returns, re-dispatches or the department model disagree with the list, for work orders first dispatched in the period (at most 92 days; the last 30 by default)")
    public RuleReview.Report review(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate end = Optional.ofNullable(QueryParameters.date("to", to)).orElseGet(service::today);
        LocalDate start = Optional.ofNullable(QueryParameters.date("from", from)).orElse(end.minusDays(29));
        return review.review(start, end);
    }

    @GET
    @Path("/test")
    @Operation(summary = "Which department is responsible for this category at this place on this date?")
    public ResponsibilityList.TestResult test(@QueryParam("category") String category,
            @QueryParam("district") String district,
            @QueryParam("street") String street, @QueryParam("date") String date) {
        if (category == null || category.isBlank()) {
            throw InvalidFieldException.malformed("category", "NotBlank", "请选择诉求分类");
        }
        categories.byCode(category.strip()).orElseThrow(() -> InvalidFieldException.malformed("category", "exists",
                "没有代码为 " + category + " 的诉求分类"));
        LocalDate day = QueryParameters.date("date", date);
        return list.test(category.strip(), district, street, day != null ? day : service.today());
    }

    @GET
    @Path("/{ruleId}")
    @Operation(summary = "A rule's versions, newest first")
    public List<RuleView> versions(@PathParam("ruleId") String ruleId) {
        return service.versions(ruleId(ruleId));
    }

    @POST
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(summary = "Add a rule")
    public Response create(@NotNull @Valid RuleRequest request) {
        RuleView created = service.create(request, actor.get());
        return Response.created(URI.create("/api/dispatch/rules/" + created.ruleId())).entity(created).build();
    }

    @PUT
    @Path("/{ruleId}")
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(summary = "Change a rule: a new version in force from effectiveFrom (today by default)")
    public RuleView change(@PathParam("ruleId") String ruleId, @NotNull @Valid RuleRequest request) {
        return service.change(ruleId(ruleId), request, actor.get());
    }

    @DELETE
    @Path("/{ruleId}")
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(summary = "End a rule on a date (today by default); its versions stay for the record")
    public List<RuleView> end(@PathParam("ruleId") String ruleId, @QueryParam("on") String on) {
        return service.end(ruleId(ruleId), QueryParameters.date("on", on));
    }

    @POST
    @Path("/import")
    @Consumes({"text/csv", "text/plain"})
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(summary = "Import rules from CSV (columns as in the export); bad rows are reported, good rows kept")
    public RuleImport.Report importCsv(byte[] csv) {
        return importer.importCsv(csv == null ? "" : TextInput.utf8(csv, "body"), actor.get());
    }

    @GET
    @Path("/export")
    @Produces("text/csv")
    @Operation(summary = "Every version of every rule as CSV")
    public Response export() {
        List<RuleView> all = list.all().values().stream().flatMap(List::stream)
                .sorted(Comparator.comparing(RuleView::ruleId).thenComparing(RuleView::version)).toList();
        return Response.ok(RuleCsv.write(all))
                .header("Content-Disposition", "attachment; filename=\"responsibility-list.csv\"").build();
    }

    private static long ruleId(String value) {
        var matcher = RULE_ID.matcher(value.strip());
        if (!matcher.matches()) {
            throw InvalidFieldException.malformed("ruleId", "format", "“" + value + "”不是规则编号，格式如 R12");
        }
        return Long.parseLong(matcher.group(1));
    }
}
