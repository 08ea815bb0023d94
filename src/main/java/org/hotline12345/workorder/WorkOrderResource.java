package org.hotline12345.workorder;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.common.Page;
import org.hotline12345.common.QueryParameters;
import org.hotline12345.security.CurrentActor;
import org.hotline12345.workorder.WorkOrderViews.Detail;
import org.hotline12345.workorder.WorkOrderViews.EventView;
import org.hotline12345.workorder.WorkOrderViews.Registration;
import org.hotline12345.workorder.WorkOrderViews.Summary;

import io.quarkus.security.Authenticated;

/**
 * 工单: one endpoint per lifecycle step; the work order is addressed by its number. Steps whose body is optional
 * ({@code Remark}) also accept a bare POST without a body or content type. Who may take each step is decided by
 * {@link WorkOrderPolicy}, which the pages ask too; a step of another party is a 403.
 */
@Path("/api/work-orders")
@Tag(name = "Work orders")
@Authenticated
public class WorkOrderResource {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{1,100}");

    @Inject
    WorkOrderService service;

    @Inject
    WorkOrderConfig config;

    @Inject
    CurrentActor actor;

    @POST
    @Operation(summary = "受理: register a work order, and dispatch it at once when departments are given")
    public Response register(
            @Parameter(description = "Any unique string (e.g. a UUID) per intended work order; a retry with the same key returns the first result and creates nothing") @HeaderParam("Idempotency-Key") String idempotencyKey,
            @NotNull @Valid WorkOrderRequests.Register request) {
        if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw InvalidFieldException.malformed("Idempotency-Key", "format",
                    "须为 1 到 100 个可见 ASCII 字符");
        }
        Registration registration = service.register(request, actor.get(), idempotencyKey);
        Response.ResponseBuilder response = Response
                .created(URI.create("/api/work-orders/" + registration.workOrder().number()))
                .entity(registration.workOrder());
        if (registration.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }

    @GET
    @Operation(summary = "List and search work orders; department staff see only their department's")
    public Page<Summary> search(@BeanParam WorkOrderFilter filter, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        WorkOrderSearch search = filter.search(service);
        return service.searchWithCitizens(search,
                QueryParameters.integer("page", page, 0, 0, 100_000),
                QueryParameters.integer("size", size, 20, 1, config.maxPageSize()),
                actor.get());
    }

    @GET
    @Path("/{number}")
    @Operation(summary = "A work order in full, with its history")
    public Detail get(@PathParam("number") String number) {
        return service.get(number, actor.get());
    }

    @GET
    @Path("/{number}/history")
    @Operation(summary = "The work order's history: who did what, when")
    public List<EventView> history(@PathParam("number") String number) {
        return service.history(number, actor.get());
    }

    @POST
    @Path("/{number}/answer")
    @Operation(summary = "即问即答: answered on the call; closes the work order")
    public Detail answerDirectly(@PathParam("number") String number,
            @NotNull @Valid WorkOrderRequests.DirectAnswer request) {
        return service.answerDirectly(number, request.answer(), request.articleSlug(), actor.get());
    }

    @POST
    @Path("/{number}/enterprise-request")
    @Operation(summary = "涉企诉求: mark as an enterprise request; the business-environment desk takes it on its ledger")
    public Detail markEnterpriseRequest(@PathParam("number") String number) {
        return service.markEnterpriseRequest(number, actor.get());
    }

    @POST
    @Path("/{number}/dispatch")
    @Operation(summary = "派单 to a lead department and optional assisting departments")
    public Detail dispatch(@PathParam("number") String number, @NotNull @Valid WorkOrderRequests.Dispatch request) {
        return service.dispatch(number, request, actor.get());
    }

    @POST
    @Path("/{number}/redispatch")
    @Operation(summary = "改派 after an approved return, to another department")
    public Detail redispatch(@PathParam("number") String number, @NotNull @Valid WorkOrderRequests.Dispatch request) {
        return service.redispatch(number, request, actor.get());
    }

    @POST
    @Path("/{number}/accept")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "签收 by the lead department")
    public Detail accept(@PathParam("number") String number, @Valid WorkOrderRequests.Remark request) {
        return service.accept(number, comment(request), actor.get());
    }

    @POST
    @Path("/{number}/return")
    @Operation(summary = "退单: the lead department asks to return it, with a reason")
    public Detail requestReturn(@PathParam("number") String number, @NotNull @Valid WorkOrderRequests.Reason request) {
        return service.requestReturn(number, request.reason(), actor.get());
    }

    @POST
    @Path("/{number}/return/approve")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Approve the return; the work order then waits for re-dispatch")
    public Detail approveReturn(@PathParam("number") String number, @Valid WorkOrderRequests.Remark request) {
        return service.approveReturn(number, comment(request), actor.get());
    }

    @POST
    @Path("/{number}/return/reject")
    @Operation(summary = "Reject the return; the work order goes back to the department")
    public Detail rejectReturn(@PathParam("number") String number, @NotNull @Valid WorkOrderRequests.Reason request) {
        return service.rejectReturn(number, request.reason(), actor.get());
    }

    @POST
    @Path("/{number}/extension")
    @Operation(summary = "延期申请: ask for more working days to reply")
    public Detail requestExtension(@PathParam("number") String number,
            @NotNull @Valid WorkOrderRequests.Extension request) {
        return service.requestExtension(number, request, actor.get());
    }

    @POST
    @Path("/{number}/extension/approve")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Approve the pending extension; the reply deadline moves by its working days")
    public Detail approveExtension(@PathParam("number") String number, @Valid WorkOrderRequests.Remark request) {
        return service.approveExtension(number, comment(request), actor.get());
    }

    @POST
    @Path("/{number}/extension/reject")
    @Operation(summary = "Reject the pending extension; the reply deadline stays")
    public Detail rejectExtension(@PathParam("number") String number,
            @NotNull @Valid WorkOrderRequests.Reason request) {
        return service.rejectExtension(number, request.reason(), actor.get());
    }

    @POST
    @Path("/{number}/assist-input")
    @Operation(summary = "协办意见: an assisting department's input for the lead's reply")
    public Detail submitAssistInput(@PathParam("number") String number,
            @NotNull @Valid WorkOrderRequests.AssistInput request) {
        return service.submitAssistInput(number, request.input(), actor.get());
    }

    @POST
    @Path("/{number}/reply")
    @Operation(summary = "回复 by the lead department")
    public Detail reply(@PathParam("number") String number, @NotNull @Valid WorkOrderRequests.Reply request) {
        return service.reply(number, request.content(), actor.get());
    }

    @POST
    @Path("/{number}/review/approve")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "审核 passed: the work order waits for the callback")
    public Detail approveReply(@PathParam("number") String number, @Valid WorkOrderRequests.Remark request) {
        return service.approveReply(number, comment(request), actor.get());
    }

    @POST
    @Path("/{number}/review/reject")
    @Operation(summary = "审核 failed: reopened (重办) to the same department")
    public Detail rejectReply(@PathParam("number") String number, @NotNull @Valid WorkOrderRequests.Reason request) {
        return service.rejectReply(number, request.reason(), actor.get());
    }

    @POST
    @Path("/{number}/callback")
    @Operation(summary = "回访: record the citizen's answer; dissatisfied reopens, otherwise the work order closes")
    public Detail recordCallback(@PathParam("number") String number,
            @NotNull @Valid WorkOrderRequests.Callback request) {
        return service.recordCallback(number, request, actor.get());
    }

    @POST
    @Path("/{number}/close")
    @Operation(summary = "办结 without a callback, with the reason")
    public Detail close(@PathParam("number") String number, @NotNull @Valid WorkOrderRequests.Reason request) {
        return service.close(number, request.reason(), actor.get());
    }

    @POST
    @Path("/{number}/urge")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "催办: remind the department")
    public Detail urge(@PathParam("number") String number, @Valid WorkOrderRequests.Remark request) {
        return service.urge(number, comment(request), actor.get());
    }

    @POST
    @Path("/{number}/supervise")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "督办: formal supervision of the department's handling")
    public Detail supervise(@PathParam("number") String number, @Valid WorkOrderRequests.Remark request) {
        return service.supervise(number, comment(request), actor.get());
    }

    @POST
    @Path("/{number}/merge")
    @Operation(summary = "并单: close this duplicate as merged into the primary work order")
    public Detail merge(@PathParam("number") String number, @NotNull @Valid WorkOrderRequests.Merge request) {
        return service.merge(number, request, actor.get());
    }

    private static String comment(WorkOrderRequests.Remark request) {
        return request == null ? null : request.comment();
    }
}
