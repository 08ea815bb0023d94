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
import org.hotline12345.common.Labels;
import org.hotline12345.common.Page;
import org.hotline12345.common.PageForms;
import org.hotline12345.common.QueryParameters;
import org.hotline12345.common.Workbooks;
import org.hotline12345.security.Actor;
import org.hotline12345.security.CurrentActor;
import org.hotline12345.security.Role;
import org.hotline12345.telephony.CallControl;
import org.hotline12345.telephony.TelephonyConfig;
import org.hotline12345.workorder.AttachmentResource;
import org.hotline12345.workorder.AttachmentService;
import org.hotline12345.workorder.AttachmentService.AttachmentView;
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
    private static final int EXPORTED = 10_000;

    /** The lists of the page, each exportable on its own. */
    enum WaitingList {
        REPLIES("答复待审核"), RETURNS("退单待审"), EXTENSIONS("延期待批"), CALLBACKS("待回访");

        final String title;

        WaitingList(String title) {
            this.title = title;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance approvals(Page<Summary> replies, Page<Summary> returns,
                List<Summary> extensions, Page<Summary> callbacks);

        static native TemplateInstance workOrder(Detail order, boolean approver, boolean telephony,
                List<AttachmentView> attachments, List<Satisfaction> satisfactions, String done, String error);
    }

    @Inject
    WorkOrderService workOrders;

    @Inject
    AttachmentService attachments;

    @Inject
    TelephonyConfig telephony;

    @Inject
    CallControl calls;

    @Inject
    CurrentActor actor;

    @GET
    @Path("/approvals")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance approvals() {
        return Templates.approvals(waiting(WorkOrderStatus.REPLIED, SHOWN),
                waiting(WorkOrderStatus.RETURN_REQUESTED, SHOWN), workOrders.pendingExtensions(SHOWN, actor.get()),
                waiting(WorkOrderStatus.REVIEWED, SHOWN));
    }

    /** One of the page's lists in full (up to ten thousand, oldest first) as Excel. */
    @GET
    @Path("/approvals/export")
    @Produces(Workbooks.MEDIA_TYPE)
    public Response export(@QueryParam("list") String list) {
        WaitingList which = QueryParameters.oneEnum("list", list == null ? "" : list.strip(), WaitingList.class);
        List<Summary> orders = switch (which) {
            case REPLIES -> waiting(WorkOrderStatus.REPLIED, EXPORTED).items();
            case RETURNS -> waiting(WorkOrderStatus.RETURN_REQUESTED, EXPORTED).items();
            case EXTENSIONS -> workOrders.pendingExtensions(EXPORTED, actor.get());
            case CALLBACKS -> waiting(WorkOrderStatus.REVIEWED, EXPORTED).items();
        };
        List<List<Object>> rows = orders.stream()
                .map(o -> List.<Object> of(o.number(), o.title(), Labels.label(o.requestType()),
                        o.leadDepartment() == null ? "" : o.leadDepartment().name(), o.registeredAt()))
                .toList();
        return Response.ok(Workbooks.table(which.title, List.of("工单编号", "标题", "类型", "承办单位", "登记时间"), rows),
                Workbooks.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + which.name().toLowerCase() + ".xlsx\"")
                .build();
    }

    @GET
    @Path("/work-orders/{number}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance workOrder(@PathParam("number") String number, @QueryParam("done") String done,
            @QueryParam("error") String error) {
        Role role = actor.get().role();
        return Templates.workOrder(workOrders.get(number, actor.get()), role == Role.SUPERVISOR || role == Role.ADMIN,
                telephony.enabled(), attachments.list(number, actor.get()), List.of(Satisfaction.values()), done,
                error);
    }

    /** 回访 by click-to-call: the agent's phone rings, then the citizen's; the outcome shows on the page. */
    @POST
    @Path("/work-orders/{number}/callback-call")
    public Response callbackCall(@PathParam("number") String number) {
        return act(number, "正在呼叫：请接起话机，随后接通市民", () -> calls.callback(number, actor.get()));
    }

    @GET
    @Path("/work-orders/{number}/attachments/{id}")
    public Response download(@PathParam("number") String number, @PathParam("id") long id) {
        return AttachmentResource.send(attachments.open(number, id, actor.get()));
    }

    @POST
    @Path("/work-orders/{number}/review")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.Names.SUPERVISOR, Role.Names.ADMIN})
    public Response review(@PathParam("number") String number, @FormParam("decision") String decision,
            @FormParam("comment") String comment) {
        return decide(number, decision, comment, "已审核通过，待回访", workOrders::approveReply, "已退回承办单位重办",
                workOrders::rejectReply);
    }

    @POST
    @Path("/work-orders/{number}/return")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.Names.SUPERVISOR, Role.Names.ADMIN})
    public Response decideReturn(@PathParam("number") String number, @FormParam("decision") String decision,
            @FormParam("comment") String comment) {
        return decide(number, decision, comment, "已同意退单，请改派", workOrders::approveReturn, "已驳回退单",
                workOrders::rejectReturn);
    }

    @POST
    @Path("/work-orders/{number}/extension")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.Names.SUPERVISOR, Role.Names.ADMIN})
    public Response decideExtension(@PathParam("number") String number, @FormParam("decision") String decision,
            @FormParam("comment") String comment) {
        return decide(number, decision, comment, "已批准延期", workOrders::approveExtension, "已驳回延期",
                workOrders::rejectExtension);
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

    /** A step the hotline approves or refuses; a refusal must say why. */
    @FunctionalInterface
    interface Decision {
        Detail take(String number, String comment, Actor actor);
    }

    private Response decide(String number, String decision, String comment, String approvedDone, Decision approve,
            String refusedDone, Decision refuse) {
        return "approve".equals(decision)
                ? act(number, approvedDone, () -> approve.take(number, blankToNull(comment), actor.get()))
                : act(number, refusedDone, () -> refuse.take(number, PageForms.required("comment", comment),
                        actor.get()));
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

    private Page<Summary> waiting(WorkOrderStatus status, int size) {
        WorkOrderSearch search = new WorkOrderSearch(EnumSet.of(status), Set.of(), Set.of(), Set.of(), null, null,
                null, null, null, null, null, null, WorkOrderSearch.Sort.REGISTERED_ASC);
        return workOrders.search(search, 0, size, actor.get());
    }

    private static Response act(String number, String done, Supplier<?> step) {
        return PageForms.act("/hotline/work-orders/" + number, done, step);
    }
}
