package org.hotline12345.hotspot;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

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
import org.hotline12345.common.QueryParameters;
import org.hotline12345.hotspot.HotspotService.Detail;
import org.hotline12345.hotspot.HotspotService.Dismissal;
import org.hotline12345.hotspot.HotspotService.Proactive;
import org.hotline12345.hotspot.HotspotViews.HotspotView;
import org.hotline12345.security.CurrentActor;
import org.hotline12345.user.Role;

/** 热点 over the API: the list, one hotspot with its work orders and effect, and the supervisor's decision. */
@Path("/api/hotspots")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.Names.SUPERVISOR, Role.Names.DEPARTMENT_STAFF})
public class HotspotResource {

    /** The proactive work order registered for a hotspot, and the hotspot now. */
    public record Acted(String workOrderNumber, HotspotView hotspot) {
    }

    @Inject
    HotspotService hotspots;

    @Inject
    CurrentActor actor;

    @Inject
    AreaMap areaMap;

    @GET
    @Path("/areas")
    @RolesAllowed(Role.Names.SUPERVISOR)
    @Operation(summary = "区域分布: each district (level=DISTRICT) or street (level=STREET) of the city with the requests registered from `from` to `to` (days of the city; the last 30 by default, at most 366) and its open hotspots")
    public AreaMap.View areas(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("level") String level) {
        LocalDate end = Optional.ofNullable(QueryParameters.date("to", to)).orElseGet(areaMap::today);
        LocalDate start = Optional.ofNullable(QueryParameters.date("from", from)).orElse(end.minusDays(29));
        AreaMap.Level chosen = level == null || level.isBlank()
                ? AreaMap.Level.DISTRICT
                : QueryParameters.oneEnum("level", level, AreaMap.Level.class);
        return areaMap.view(start, end, chosen, actor.get());
    }

    @GET
    @Operation(summary = "The hotspots, newest first: all for supervisors, the department's own for its staff")
    public List<HotspotView> list(@QueryParam("status") String status) {
        return hotspots.list(status(status), actor.get());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A hotspot with its work orders and, once acted on, the requests before and after")
    public Detail get(@PathParam("id") long id) {
        return hotspots.detail(id, actor.get());
    }

    @POST
    @Path("/{id}/proactive-work-order")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.SUPERVISOR)
    @Operation(summary = "主动治理: registers a work order (channel PROACTIVE) for the hotspot and dispatches it")
    public Response act(@PathParam("id") long id, @NotNull @Valid Proactive request) {
        String number = hotspots.act(id, request, actor.get());
        return Response.status(Response.Status.CREATED)
                .entity(new Acted(number, hotspots.detail(id, actor.get()).hotspot())).build();
    }

    @POST
    @Path("/{id}/dismissal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.SUPERVISOR)
    @Operation(summary = "Dismisses the hotspot with a reason")
    public HotspotView dismiss(@PathParam("id") long id, @NotNull @Valid Dismissal dismissal) {
        hotspots.dismiss(id, dismissal, actor.get());
        return hotspots.detail(id, actor.get()).hotspot();
    }

    static HotspotStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return HotspotStatus.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidFieldException.malformed("status", "enum", "状态须为 OPEN、ACTED 或 DISMISSED");
        }
    }
}
