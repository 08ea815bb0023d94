package org.hotline12345.partner;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hotline12345.partner.PartnerViews.Handover;
import org.hotline12345.security.CurrentActor;
import org.hotline12345.user.Role;

/** 转 110（警单）and 转外地: the hotline hands a work order to a partner that takes handovers. */
@Path("/api/work-order-handovers/{number}")
@RolesAllowed({Role.Names.AGENT, Role.Names.SUPERVISOR})
public class HandoverResource {

    @Inject
    PartnerHandovers handovers;

    @Inject
    CurrentActor actor;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response handOver(@PathParam("number") String number, @NotNull @Valid Handover handover) {
        handovers.handOver(number, handover, actor.get());
        return Response.noContent().build();
    }
}
