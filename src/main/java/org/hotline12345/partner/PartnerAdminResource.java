package org.hotline12345.partner;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.partner.PartnerViews.Credentials;
import org.hotline12345.partner.PartnerViews.DeliveryView;
import org.hotline12345.partner.PartnerViews.NewPartner;
import org.hotline12345.partner.PartnerViews.PartnerChange;
import org.hotline12345.partner.PartnerViews.PartnerView;
import org.hotline12345.user.Role;

/** The administrators' partner API: register, change, rotate credentials, pause; the outbox and its replay. */
@Path("/api/admin/partners")
@RolesAllowed(Role.Names.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PartnerAdminResource {

    static final List<String> DELIVERY_STATES = List.of("PENDING", "DEAD", "DELIVERED", "FEED");

    @Inject
    PartnerService partners;

    @Inject
    PartnerOutbox outbox;

    @Inject
    Open311Service open311;

    /** How a category is shown to Open311 clients. */
    public record Open311Opening(@NotBlank @Size(max = 500) String description, @Size(max = 100) String group,
            @Size(max = 200) String keywords) {
    }

    @GET
    public List<PartnerView> all() {
        return partners.all();
    }

    /** 201 with the API key and secret, shown this once. */
    @POST
    public Response register(@NotNull @Valid NewPartner partner) {
        return Response.status(201).entity(partners.register(partner)).build();
    }

    @GET
    @Path("/{code}")
    public PartnerView get(@PathParam("code") String code) {
        return partners.find(code);
    }

    @PUT
    @Path("/{code}")
    public PartnerView change(@PathParam("code") String code, @NotNull @Valid PartnerChange change) {
        partners.change(code, change);
        return partners.find(code);
    }

    /** New credentials, shown this once; the old ones stay valid for the overlap. */
    @POST
    @Path("/{code}/rotate")
    public Credentials rotate(@PathParam("code") String code) {
        return partners.rotate(code);
    }

    @POST
    @Path("/{code}/pause")
    public PartnerView pause(@PathParam("code") String code) {
        partners.setPaused(code, true);
        return partners.find(code);
    }

    @POST
    @Path("/{code}/resume")
    public PartnerView resume(@PathParam("code") String code) {
        partners.setPaused(code, false);
        return partners.find(code);
    }

    /** The outbox's events in a state: PENDING, DEAD, DELIVERED or FEED (for partners that poll). */
    @GET
    @Path("/deliveries")
    public List<DeliveryView> deliveries(@QueryParam("state") @DefaultValue("PENDING") String state) {
        if (!DELIVERY_STATES.contains(state)) {
            throw InvalidFieldException.malformed("state", "oneOf", "state 须为 " + String.join("、", DELIVERY_STATES));
        }
        return outbox.list(state, 200);
    }

    /** The categories opened to Open311 as its services. */
    @GET
    @Path("/open311/services")
    public List<Open311Service.Service> open311Services() {
        return open311.services();
    }

    /** Opens a category to Open311 (or changes its description there). */
    @PUT
    @Path("/open311/services/{categoryCode}")
    public Open311Service.Service openToOpen311(@PathParam("categoryCode") String categoryCode,
            @NotNull @Valid Open311Opening opening) {
        return open311.open(categoryCode, opening.description(), opening.group(), opening.keywords());
    }

    @DELETE
    @Path("/open311/services/{categoryCode}")
    public Response closeToOpen311(@PathParam("categoryCode") String categoryCode) {
        open311.close(categoryCode);
        return Response.noContent().build();
    }

    /** 重发 of a dead (or delivered) event. */
    @POST
    @Path("/deliveries/{id}/replay")
    public Response replay(@PathParam("id") long id) {
        outbox.replay(id);
        return Response.noContent().build();
    }
}
