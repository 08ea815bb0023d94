package org.hotline12345.approvals;

import static org.hotline12345.common.TextInput.blankToNull;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.common.PageForms;
import org.hotline12345.security.CurrentActor;
import org.hotline12345.security.Role;
import org.hotline12345.workorder.Satisfaction;
import org.hotline12345.workorder.WorkOrderRequests;
import org.hotline12345.workorder.WorkOrderSearch;
import org.hotline12345.workorder.WorkOrderService;
import org.hotline12345.workorder.WorkOrderStatus;
import org.hotline12345.workorder.WorkOrderViews.Detail;
import org.hotline12345.workorder.WorkOrderViews.Summary;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * 审批: what waits for the hotline's decision (replies to review, returns, extension requests) and what waits for a
 * callback (回访), and the hotline's page of a work order with those steps. Supervisors approve; agents call back.
 */
@Path("/hotline")
@RolesAllowed({Role.Names.AGENT, Role.Names.SUPERVISOR, Role.Names.ADMIN})
public class ApprovalPages {

    private static final int SHOWN = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance approvals(List<Summary> replies, List<Summary> returns,
                List<Summary> extensions, List<Summary> callbacks);

        static native TemplateInstance workOrder(Detail order, boolean approver, List<Satisfaction> satisfactions,
                String done, String error);
    }

    @Inject
    WorkOrderService workOrders;

    @Inject
    CurrentActor actor;

    @GET
    @Path("/approvals")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance approvals() {
        return Templates.approvals(waiting(WorkOrderStatus.REPLIED), waiting(WorkOrderStatus.RETURN_REQUESTED),
                workOrders.pendingExtensions(SHOWN, actor.get()), waiting(WorkOrderStatus.REVIEWED));
    }

    @GET
    @Path("/work-orders/{number}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance workOrder(@PathParam("number") String number, @QueryParam("done") String done,
            @QueryParam("error") String error) {
        Role role = actor.get().role();
        return Templates.workOrder(workOrders.get(number, actor.get()), role == Role.SUPERVISOR || role == Role.ADMIN,
                List.of(Satisfaction.values()), done, error);
    }

    @POST
    @Path("/work-orders/{number}/review")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.Names.SUPERVISOR, Role.Names.ADMIN})
    public Response review(@PathParam("number") String number, @FormParam("decision") String decision,
            @FormParam("comment") String comment) {
        return "approve".equals(decision)
                ? act(number, "已审核通过，待回访", () -> workOrders.approveReply(number, blankToNull(comment), actor.get()))
                : act(number, "已退回承办单位重办", () -> workOrders.rejectReply(number,
                        PageForms.required("comment", comment), actor.get()));
    }

    @POST
    @Path("/work-orders/{number}/return")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.Names.SUPERVISOR, Role.Names.ADMIN})
    public Response decideReturn(@PathParam("number") String number, @FormParam("decision") String decision,
            @FormParam("comment") String comment) {
        return "approve".equals(decision)
                ? act(number, "已同意退单，请改派", () -> workOrders.approveReturn(number, blankToNull(comment),
                        actor.get()))
                : act(number, "已驳回退单", () -> workOrders.rejectReturn(number, PageForms.required("comment", comment),
                        actor.get()));
    }

    @POST
    @Path("/work-orders/{number}/extension")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.Names.SUPERVISOR, Role.Names.ADMIN})
    public Response decideExtension(@PathParam("number") String number, @FormParam("decision") String decision,
            @FormParam("comment") String comment) {
        return "approve".equals(decision)
                ? act(number, "已批准延期", () -> workOrders.approveExtension(number, blankToNull(comment), actor.get()))
                : act(number, "已驳回延期", () -> workOrders.rejectExtension(number,
                        PageForms.required("comment", comment), actor.get()));
    }

    /** 回访: reached or not; when reached, resolved and how satisfied. 不满意 sends it back to the department. */
    @POST
    @Path("/work-orders/{number}/callback")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response callback(@PathParam("number") String number, @FormParam("reached") String reached,
            @FormParam("resolved") String resolved, @FormParam("satisfaction") String satisfaction,
            @FormParam("comment") String comment) {
        return act(number, "已记录回访", () -> workOrders.recordCallback(number, new WorkOrderRequests.Callback(
                "true".equals(reached), blankToNull(resolved) == null ? null : "true".equals(resolved),
                satisfaction(satisfaction),
                blankToNull(comment)), actor.get()));
    }

    private static Satisfaction satisfaction(String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return Satisfaction.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidFieldException.malformed("satisfaction", "oneOf", "'" + value + "' is not a satisfaction");
        }
    }

    private List<Summary> waiting(WorkOrderStatus status) {
        WorkOrderSearch search = new WorkOrderSearch(EnumSet.of(status), Set.of(), Set.of(), Set.of(), null, null,
                null, null, null, null, null, null, WorkOrderSearch.Sort.REGISTERED_ASC);
        return workOrders.search(search, 0, SHOWN, actor.get()).items();
    }

    private static Response act(String number, String done, Supplier<?> step) {
        return PageForms.act("/hotline/work-orders/" + number, done, step);
    }
}
