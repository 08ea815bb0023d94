package org.hotline12345.duplicate;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.duplicate.DuplicateService.Flags;
import org.hotline12345.duplicate.DuplicateService.Suggestion;
import org.hotline12345.duplicate.DuplicateService.Typed;
import org.hotline12345.security.CurrentActor;
import org.hotline12345.user.Role;
import org.hotline12345.workorder.RelatedWorkOrders.MonthCount;

/** 重复件 and 一人多诉 over the API: the suggestion while a request is registered, 关联, flags and monthly counts. */
@Path("/api/duplicates")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.Names.AGENT, Role.Names.DESK, Role.Names.DESK_LEAD, Role.Names.SUPERVISOR})
public class DuplicateResource {

    /** Most months asked at once. */
    private static final int MONTHS = 36;

    /** 关联 of a newly registered work order to the existing one about the same matter. */
    public record Link(@NotBlank String existing) {
    }

    @Inject
    DuplicateService duplicates;

    @Inject
    CurrentActor actor;

    @POST
    @Path("/suggestions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The earlier work orders about the same matter as the request being registered")
    public List<Suggestion> suggest(@NotNull @Valid Typed typed) {
        return duplicates.suggest(typed);
    }

    @POST
    @Path("/{number}/link")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "关联: the work order records the existing one about the same matter, and the existing one it")
    public Flags link(@PathParam("number") String number, @NotNull @Valid Link link) {
        duplicates.relate(number, Relation.LINK, link.existing(), actor.get());
        return duplicates.flags(number);
    }

    @GET
    @Path("/{number}")
    @Operation(summary = "The work order's relations, 重复件 and 一人多诉")
    public Flags flags(@PathParam("number") String number) {
        return duplicates.flags(number);
    }

    @GET
    @Path("/monthly")
    @Operation(summary = "重复件 and 一人多诉 per month of registration")
    @RolesAllowed({Role.Names.SUPERVISOR, Role.Names.ADMIN})
    public List<MonthCount> monthly(@QueryParam("from") String from, @QueryParam("to") String to) {
        YearMonth first = month("from", from);
        YearMonth last = month("to", to);
        if (last.isBefore(first) || first.plusMonths(MONTHS).isBefore(last)) {
            throw InvalidFieldException.unacceptable("to", "range", "结束月份须在开始月份之后，且不超过 " + MONTHS + " 个月");
        }
        return duplicates.monthly(first, last);
    }

    private static YearMonth month(String field, String value) {
        try {
            return YearMonth.parse(value == null ? "" : value.strip());
        } catch (DateTimeParseException e) {
            throw InvalidFieldException.malformed(field, "month", "请按 2026-12 的格式填写月份");
        }
    }
}
