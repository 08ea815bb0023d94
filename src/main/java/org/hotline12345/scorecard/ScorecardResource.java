package org.hotline12345.scorecard;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.scorecard.AppealService.AppealView;
import org.hotline12345.scorecard.AppealService.Decision;
import org.hotline12345.scorecard.AppealService.NewAppeal;
import org.hotline12345.scorecard.ScorecardService.Drill;
import org.hotline12345.scorecard.ScorecardService.Scorecard;
import org.hotline12345.scorecard.ScoringVersions.VersionRequest;
import org.hotline12345.security.CurrentActor;
import org.hotline12345.user.Role;

/** 考核 over the API: the scorecards, the work orders behind each figure, the appeals and the scoring versions. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.Names.SUPERVISOR, Role.Names.ADMIN, Role.Names.DEPARTMENT_STAFF})
public class ScorecardResource {

    @Inject
    ScorecardViews views;

    @Inject
    AppealService appeals;

    @Inject
    ScoringVersions versions;

    @Inject
    CurrentActor actor;

    @GET
    @Path("/scorecards")
    @Operation(summary = "The scorecard of a month (2023-04) or quarter (2023-Q2): every group's ranking for"
            + " supervisors, the department's own line for its staff")
    public Scorecard scorecard(@QueryParam("period") String period) {
        return views.scorecard(Period.parse(period), actor.get());
    }

    @GET
    @Path("/scorecards/{period}/departments/{code}")
    @Operation(summary = "The work orders behind a department's figure (an indicator's base, each marked whether it"
            + " counts), or its whole volume without an indicator")
    public Drill drill(@PathParam("period") String period, @PathParam("code") String code,
            @QueryParam("indicator") String indicator) {
        return views.drill(Period.parse(period), code, indicator(indicator), actor.get());
    }

    @GET
    @Path("/appeals")
    @Operation(summary = "考核申诉, newest first: all for supervisors, the department's own for its staff")
    public List<AppealView> appeals(@QueryParam("status") String status) {
        return appeals.list(status == null || status.isBlank()
                ? null
                : enumValue(AppealStatus.class, "status",
                        status),
                actor.get());
    }

    @POST
    @Path("/appeals")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A department appeals one of its work orders (不合理诉求 or 派单错误) with reason and evidence")
    public Response appeal(@NotNull @Valid NewAppeal appeal) {
        return Response.status(Response.Status.CREATED).entity(appeals.appeal(appeal, actor.get())).build();
    }

    @POST
    @Path("/appeals/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A supervisor upholds or rejects an appeal with a reason")
    public AppealView decide(@PathParam("id") long id, @NotNull @Valid Decision decision) {
        return appeals.decide(id, decision, actor.get());
    }

    @GET
    @Path("/scorecard-weights")
    @Operation(summary = "The scoring versions (weights, groups, red and black list sizes), the newest month first")
    public List<ScoringVersion> versions() {
        return versions.list();
    }

    @POST
    @Path("/scorecard-weights")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "An administrator saves a scoring version applying from this month or a later one")
    public Response saveVersion(@NotNull @Valid VersionRequest request) {
        return Response.status(Response.Status.CREATED).entity(versions.save(request, actor.get())).build();
    }

    static Indicator indicator(String value) {
        return value == null || value.isBlank() ? null : enumValue(Indicator.class, "indicator", value);
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidFieldException.malformed(field, "enum", "无此取值：" + value.strip());
        }
    }
}
