package org.hotline12345.telephony;

import static org.hotline12345.common.TextInput.blankToNull;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline12345.common.Page;
import org.hotline12345.common.QueryParameters;
import org.hotline12345.security.CurrentActor;
import org.hotline12345.telephony.TelephonyViews.AgentView;
import org.hotline12345.telephony.TelephonyViews.BlockedNumberView;
import org.hotline12345.telephony.TelephonyViews.CallView;
import org.hotline12345.telephony.TelephonyViews.CallbackPlaced;
import org.hotline12345.user.Role;

/**
 * Telephony: agents at their phones, calls and their records, transfers, consultations, listening in, callbacks,
 * the wallboard and blocked numbers. Live pushes go over {@code /ws/telephony} (screen pops) and
 * {@code /ws/wallboard}.
 */
@Path("/api/telephony")
@Tag(name = "Telephony")
@RolesAllowed({Role.Names.AGENT, Role.Names.DESK, Role.Names.DESK_LEAD, Role.Names.SUPERVISOR, Role.Names.ADMIN})
public class TelephonyResource {

    @Inject
    AmiClient ami;

    @Inject
    AgentService agents;

    @Inject
    CallControl control;

    @Inject
    CallHistory history;

    @Inject
    Wallboard wallboard;

    @Inject
    BlockedNumbers blocked;

    @Inject
    CurrentActor actor;

    @GET
    @Path("/status")
    @Operation(summary = "Whether telephony is configured and Asterisk connected")
    public AmiClient.Status status() {
        return ami.status();
    }

    @GET
    @Path("/wallboard")
    @RolesAllowed({Role.Names.SUPERVISOR, Role.Names.ADMIN, Role.Names.DESK_LEAD})
    @Operation(summary = "Queues, agents by state, today's answered and abandoned calls against the 15 s / 95 % target")
    public Wallboard.Snapshot wallboard() {
        return wallboard.current();
    }

    @GET
    @Path("/agents")
    @RolesAllowed({Role.Names.SUPERVISOR, Role.Names.ADMIN, Role.Names.DESK_LEAD})
    @Operation(summary = "Agents signed in at phones or known to the queues, with their states")
    public List<AgentView> agents() {
        return agents.all();
    }

    @GET
    @Path("/agents/me")
    public AgentView me() {
        return agents.me(actor.get());
    }

    @POST
    @Path("/agents/me/login")
    @Operation(summary = "Sign in at the phone of this seat and join the role's queues (or those given)")
    public AgentView login(@NotNull @Valid TelephonyRequests.Login request) {
        return agents.login(actor.get(), request);
    }

    @POST
    @Path("/agents/me/logout")
    public AgentView logout() {
        return agents.logout(actor.get());
    }

    @POST
    @Path("/agents/me/pause")
    @Operation(summary = "示忙: take no calls, with a reason")
    public AgentView pause(@NotNull @Valid TelephonyRequests.Pause request) {
        return agents.pause(actor.get(), true, request.reason());
    }

    @POST
    @Path("/agents/me/ready")
    @Operation(summary = "示闲: take calls again")
    public AgentView ready() {
        return agents.pause(actor.get(), false, null);
    }

    @GET
    @Path("/calls")
    @Operation(summary = "Call records, newest first; agents see the calls they answered")
    public Page<CallView> calls(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("queue") String queue, @QueryParam("agent") String agent,
            @QueryParam("number") String number, @QueryParam("direction") String direction,
            @QueryParam("abandoned") String abandoned, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return history.list(new CallHistory.Filter(QueryParameters.date("from", from), QueryParameters.date("to", to),
                blankToNull(queue), blankToNull(agent), blankToNull(number),
                direction == null ? null : QueryParameters.oneEnum("direction", direction, CallDirection.class),
                QueryParameters.bool("abandoned", abandoned)), QueryParameters.integer("page", page, 0, 0, 100_000),
                QueryParameters.integer("size", size, 20, 1, 200), actor.get());
    }

    @GET
    @Path("/calls/{callId}")
    public CallView call(@PathParam("callId") String callId) {
        return history.get(callId, actor.get());
    }

    @GET
    @Path("/calls/{callId}/recording")
    // the problem+json of a missing recording must be acceptable too, or it turns into 406
    @Produces({"audio/wav", "application/problem+json"})
    @RolesAllowed({Role.Names.SUPERVISOR, Role.Names.ADMIN})
    public Response recording(@PathParam("callId") String callId) {
        java.nio.file.Path file = history.recording(callId, actor.get());
        return Response.ok(file.toFile(), "audio/wav")
                .header("Content-Disposition", "inline; filename=\"" + file.getFileName() + "\"").build();
    }

    @POST
    @Path("/calls/{callId}/work-orders")
    @Operation(summary = "Link the call to a work order it is about")
    public CallView link(@PathParam("callId") String callId,
            @NotNull @Valid TelephonyRequests.LinkWorkOrder request) {
        return history.link(callId, request.workOrderNumber(), actor.get());
    }

    @POST
    @Path("/calls/{callId}/transfer")
    @Operation(summary = "Blind transfer of the caller to 110, 119, 120 or 122 (12345–110 linkage)")
    public Response transfer(@PathParam("callId") String callId,
            @NotNull @Valid TelephonyRequests.Transfer request) {
        control.transfer(callId, request.target(), actor.get());
        return Response.accepted().build();
    }

    @POST
    @Path("/calls/{callId}/consult")
    @Operation(summary = "Three-way consultation: caller, agent and a department's expert in one conference")
    public Response consult(@PathParam("callId") String callId, @NotNull @Valid TelephonyRequests.Consult request) {
        control.consult(callId, request.number(), actor.get());
        return Response.accepted().build();
    }

    @POST
    @Path("/calls/{callId}/listen")
    @RolesAllowed(Role.Names.SUPERVISOR)
    @Operation(summary = "Ring the supervisor's phone and let them listen to the call unheard")
    public Response listen(@PathParam("callId") String callId, @Valid TelephonyRequests.Listen request) {
        control.listen(callId, request == null ? null : request.extension(), actor.get());
        return Response.accepted().build();
    }

    @GET
    @Path("/work-orders/{number}/calls")
    @Operation(summary = "The calls about a work order: the one it was registered on, callbacks, repeat calls")
    public List<CallView> callsOf(@PathParam("number") String number) {
        return history.ofWorkOrder(number, actor.get());
    }

    @POST
    @Path("/work-orders/{number}/callback-call")
    @Operation(summary = "回访 by click-to-call: ring the agent's phone, then the citizen; the outcome arrives on /ws/telephony")
    public Response callback(@PathParam("number") String number) {
        CallbackPlaced placed = control.callback(number, actor.get());
        return Response.accepted(placed).build();
    }

    @GET
    @Path("/blocked-numbers")
    @RolesAllowed({Role.Names.SUPERVISOR, Role.Names.ADMIN})
    public List<BlockedNumberView> blockedNumbers() {
        return blocked.all();
    }

    @POST
    @Path("/blocked-numbers")
    @RolesAllowed({Role.Names.SUPERVISOR, Role.Names.ADMIN})
    @Operation(summary = "Block a number for harassment: the IVR refuses it until the block expires")
    public BlockedNumberView block(@NotNull @Valid TelephonyRequests.Block request) {
        return blocked.block(request, actor.get());
    }

    @DELETE
    @Path("/blocked-numbers/{phone}")
    @RolesAllowed({Role.Names.SUPERVISOR, Role.Names.ADMIN})
    public Response unblock(@PathParam("phone") String phone) {
        blocked.unblock(phone);
        return Response.noContent().build();
    }
}
