package org.hotline12345.partner;

import java.io.IOException;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.common.ResourceNotFoundException;
import org.hotline12345.partner.PartnerViews.Caller;
import org.hotline12345.partner.PartnerViews.Changes;
import org.hotline12345.partner.PartnerViews.Feedback;
import org.hotline12345.partner.PartnerViews.Submission;
import org.hotline12345.partner.PartnerViews.Submitted;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The partner API (docs/partners.md): signed requests only ({@link PartnerGate}); the body is read as sent, since
 * the signature and the idempotency of a submission are over its bytes.
 */
@Path("/api/partner/v1")
@Produces(MediaType.APPLICATION_JSON)
public class PartnerApiResource {

    private static final int FEED_PAGE = 100;

    @Inject
    PartnerGate gate;

    @Inject
    PartnerInbound inbound;

    @Inject
    PartnerOutbox outbox;

    @Inject
    PartnerAttachments attachments;

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    /** Submits a work order; 201 the first time, 200 with {@code duplicate} for a retry of the same body. */
    @POST
    @Path("/work-orders")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(byte[] body) throws IOException {
        Caller partner = admit("POST", body);
        Submission submission = read(partner, body, Submission.class);
        Submitted submitted = inbound.submit(partner, submission, PartnerSignatures.sha256Hex(body));
        return Response.status(submitted.duplicate() ? 200 : 201).entity(submitted).build();
    }

    /**
     * An attachment to a work order the partner submitted, the file's bytes as the body, its name in {@code name}:
     * attached at once to a work order, or kept until its request is registered. 201, or 200 for the same file again.
     */
    @POST
    @Path("/work-orders/{externalId}/attachments")
    @Consumes(MediaType.WILDCARD)
    public PartnerAttachments.Uploaded attach(@PathParam("externalId") String externalId, byte[] body) {
        Caller partner = admit("POST", body);
        String name = uri.getQueryParameters().getFirst("name");
        if (name == null || name.isBlank()) {
            gate.refused(partner);
            throw InvalidFieldException.malformed("name", "NotBlank", "请在 name 中给出文件名");
        }
        return attachments.upload(partner, externalId, name.strip(), body == null ? new byte[0] : body);
    }

    /** 110's or another city's 受理 or result of a work order the hotline handed to it; idempotent on its id. */
    @POST
    @Path("/work-orders/{number}/feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response feedback(@PathParam("number") String number, byte[] body) throws IOException {
        Caller partner = admit("POST", body);
        Feedback feedback = read(partner, body, Feedback.class);
        boolean recorded = inbound.feedback(partner, number, feedback);
        return Response.status(recorded ? 201 : 200).entity(java.util.Map.of("recorded", recorded)).build();
    }

    /** The change feed, for partners that poll: events after {@code after}, at most 100, and the next cursor. */
    @GET
    @Path("/changes")
    public Changes changes() {
        Caller partner = admit("GET", new byte[0]);
        String after = uri.getQueryParameters().getFirst("after");
        long cursor;
        try {
            cursor = after == null || after.isBlank() ? 0 : Long.parseLong(after.strip());
        } catch (NumberFormatException e) {
            gate.refused(partner);
            throw InvalidFieldException.malformed("after", "cursor", "after 须为上次返回的 next");
        }
        return outbox.changes(partner.id(), cursor, FEED_PAGE);
    }

    /** Where a work order the partner submitted (or was handed) stands, as the partner may see it. */
    @GET
    @Path("/work-orders/{externalId}")
    public PartnerInbound.Status status(@PathParam("externalId") String externalId) {
        Caller partner = admit("GET", new byte[0]);
        return inbound.status(partner, externalId)
                .orElseThrow(() -> new ResourceNotFoundException("本合作方的工单", externalId));
    }

    private Caller admit(String method, byte[] body) {
        String raw = uri.getRequestUri().getRawPath()
                + (uri.getRequestUri().getRawQuery() == null ? "" : "?" + uri.getRequestUri().getRawQuery());
        return gate.admit(method, raw, headers.getHeaderString(PartnerGate.API_KEY),
                headers.getHeaderString(PartnerDelivery.TIMESTAMP), headers.getHeaderString(PartnerDelivery.SIGNATURE),
                body == null ? new byte[0] : body);
    }

    /** Reads and checks the body; what Jackson cannot map goes to the problem mapper, naming the field. */
    private <T> T read(Caller partner, byte[] body, Class<T> type) throws IOException {
        T value;
        try {
            value = json.readValue(body, type);
        } catch (JsonParseException e) {
            gate.refused(partner);
            throw InvalidFieldException.malformed("body", "json", "请求体不是有效的 JSON");
        } catch (IOException e) {
            gate.refused(partner);
            throw e;
        }
        if (value == null) {
            gate.refused(partner);
            throw InvalidFieldException.malformed("body", "NotNull", "请求体为空");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            gate.refused(partner);
            throw new ConstraintViolationException(violations);
        }
        return value;
    }
}
