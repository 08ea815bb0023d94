package org.hotline12345.telephony.callback;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline12345.common.QueryParameters;
import org.hotline12345.security.CurrentActor;
import org.hotline12345.telephony.callback.MissedCallViews.MissedCallBoard;
import org.hotline12345.telephony.callback.MissedCallViews.MissedCallView;
import org.hotline12345.telephony.callback.MissedCallViews.Taken;
import org.hotline12345.user.Role;

/**
 * 漏接回拨: the numbers the hotline missed, to call back oldest first. {@code POST /next} takes the oldest due one and
 * rings the agent's phone, then the number; the agent records what came of it.
 */
@Path("/api/telephony/missed-calls")
@Tag(name = "Telephony")
@RolesAllowed({Role.Names.AGENT, Role.Names.DESK, Role.Names.DESK_LEAD, Role.Names.SUPERVISOR, Role.Names.ADMIN})
public class MissedCallResource {

    /** What the agent records of a callback. */
    public record Outcome(@NotNull MissedCallOutcome outcome) {
    }

    @Inject
    MissedCalls missedCalls;

    @Inject
    CurrentActor actor;

    @GET
    @Operation(summary = "The numbers to call back, oldest first, each with the caller's history")
    public List<MissedCallView> open(@QueryParam("limit") String limit) {
        return missedCalls.open(QueryParameters.integer("limit", limit, 50, 1, 500));
    }

    @GET
    @Path("/closed-today")
    @Operation(summary = "Entries closed today: reached, wrong number, unreachable, or the caller got through")
    public List<MissedCallView> closedToday(@QueryParam("limit") String limit) {
        return missedCalls.closedSince(missedCalls.startOfToday(), QueryParameters.integer("limit", limit, 50, 1,
                500));
    }

    @GET
    @Path("/board")
    @Operation(summary = "The list now and today's callbacks within the target (30 minutes) and within the day")
    public MissedCallBoard board() {
        return missedCalls.board();
    }

    @GET
    @Path("/{id}")
    public MissedCallView one(@PathParam("id") long id) {
        return missedCalls.get(id);
    }

    @POST
    @Path("/next")
    @RolesAllowed({Role.Names.AGENT, Role.Names.DESK, Role.Names.DESK_LEAD, Role.Names.SUPERVISOR})
    @Operation(summary = "Take the oldest due number of the agent's queues and call it back (202), or 204 when none")
    public Response next() {
        Taken taken = missedCalls.takeNext(actor.get());
        return taken == null ? Response.noContent().build() : Response.accepted(taken).build();
    }

    @POST
    @Path("/{id}/outcome")
    @RolesAllowed({Role.Names.AGENT, Role.Names.DESK, Role.Names.DESK_LEAD, Role.Names.SUPERVISOR})
    @Operation(summary = "Record what the callback came to: REACHED, BUSY, NO_ANSWER or WRONG_NUMBER")
    public MissedCallView outcome(@PathParam("id") long id, @NotNull @Valid Outcome request) {
        return missedCalls.record(id, request.outcome(), actor.get());
    }
}
