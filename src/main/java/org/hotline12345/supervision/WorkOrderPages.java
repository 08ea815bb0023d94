package org.hotline12345.supervision;

import static org.hotline12345.common.TextInput.blankToNull;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
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

import org.hotline12345.common.PageForms;
import org.hotline12345.deadline.ClockReadings;
import org.hotline12345.deadline.ClockReadings.ClockReading;
import org.hotline12345.deadline.DeadlineClock;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.department.DepartmentView;
import org.hotline12345.duplicate.DuplicateService;
import org.hotline12345.partner.HandoverCall;
import org.hotline12345.partner.PartnerHandovers;
import org.hotline12345.partner.PartnerViews.Handover;
import org.hotline12345.security.Actor;
import org.hotline12345.security.CurrentActor;
import org.hotline12345.telephony.CallControl;
import org.hotline12345.telephony.TelephonyConfig;
import org.hotline12345.user.Role;
import org.hotline12345.workorder.AttachmentResource;
import org.hotline12345.workorder.AttachmentService;
import org.hotline12345.workorder.AttachmentService.AttachmentView;
import org.hotline12345.workorder.EventType;
import org.hotline12345.workorder.Satisfaction;
import org.hotline12345.workorder.WorkOrderRequests;
import org.hotline12345.workorder.WorkOrderSearch;
import org.hotline12345.workorder.WorkOrderService;
import org.hotline12345.workorder.WorkOrderStatus;
import org.hotline12345.workorder.WorkOrderViews.Detail;
import org.hotline12345.workorder.WorkOrderViews.EventView;
import org.hotline12345.workorder.WorkOrderViews.Summary;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The hotline's page of a work order: what it is, where and when, both clocks with their cards, the whole history,
 * and every step the viewer may take in its state (派单, 改派, 即问即答, 催办, 督办, 并单, the decisions on returns,
 * extensions and replies, 回访, 办结, 附件) as {@link org.hotline12345.workorder.WorkOrderPolicy} lists them; a print
 * view (打印工单). Each form posts back here and returns to the page saying what happened, or why not.
 */
@Path("/hotline/work-orders/{number}")
@RolesAllowed({Role.Names.AGENT, Role.Names.DESK, Role.Names.DESK_LEAD, Role.Names.SUPERVISOR, Role.Names.ADMIN})
public class WorkOrderPages {

    private static final int MERGE_CANDIDATES = 10;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance workOrder(Detail order, ClockReading acceptClock, ClockReading replyClock,
                List<DepartmentView> departments, String suggestedLead, String mergeQuery,
                List<Summary> mergeCandidates, boolean telephony, List<AttachmentView> attachments,
                List<Satisfaction> satisfactions, DuplicateService.Flags flags, PartnerHandovers.Options handover,
                String done, String error);

        static native TemplateInstance print(Detail order, ClockReading acceptClock, ClockReading replyClock,
                List<AttachmentView> attachments, String back, String printedAt);
    }

    @Inject
    WorkOrderService workOrders;

    @Inject
    AttachmentService attachments;

    @Inject
    DepartmentDirectory departments;

    @Inject
    ClockReadings clocks;

    @Inject
    TelephonyConfig telephony;

    @Inject
    CallControl calls;

    @Inject
    ObjectMapper json;

    @Inject
    CurrentActor actor;

    @Inject
    DuplicateService duplicates;

    @Inject
    PartnerHandovers handovers;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@PathParam("number") String number, @QueryParam("mergeQuery") String mergeQuery,
            @QueryParam("done") String done, @QueryParam("error") String error) {
        Detail order = workOrders.get(number, actor.get());
        String query = blankToNull(mergeQuery);
        List<Summary> candidates = query == null || !order.may("MERGE")
                ? List.of()
                : workOrders.search(WorkOrderSearch.byStatus(EnumSet.complementOf(EnumSet.of(WorkOrderStatus.CLOSED)),
                        query, WorkOrderSearch.Sort.REGISTERED_DESC), 0, MERGE_CANDIDATES + 1, actor.get()).items()
                        .stream().filter(candidate -> !candidate.number().equals(number)).limit(MERGE_CANDIDATES)
                        .toList();
        return Templates.workOrder(order, clocks.read(DeadlineClock.ACCEPT, order.acceptClock()),
                clocks.read(DeadlineClock.REPLY, order.replyClock()),
                departments.all().stream().filter(DepartmentView::active).toList(), suggestedLead(order),
                query == null ? "" : query, candidates, telephony.enabled(), attachments.list(number, actor.get()),
                List.of(Satisfaction.values()), duplicates.flags(number),
                handovers.options(number, actor.get()).orElse(null), done, error);
    }

    /** 打印工单: the work order on paper, without the site's navigation. */
    @GET
    @Path("/print")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance print(@PathParam("number") String number) {
        Detail order = workOrders.get(number, actor.get());
        return Templates.print(order, clocks.read(DeadlineClock.ACCEPT, order.acceptClock()),
                clocks.read(DeadlineClock.REPLY, order.replyClock()), attachments.list(number, actor.get()),
                "/hotline/work-orders/" + number, clocks.now());
    }

    /** 派单 of a work order registered without a department (or not dispatched automatically). */
    @POST
    @Path("/dispatch")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response dispatch(@PathParam("number") String number, @FormParam("leadDepartmentCode") String lead,
            @FormParam("assistingDepartmentCodes") List<String> assisting, @FormParam("comment") String comment) {
        return act(number, "已派单", () -> workOrders.dispatch(number, dispatchOf(lead, assisting, comment),
                actor.get()));
    }

    /** 改派 after an approved return, to another department. */
    @POST
    @Path("/redispatch")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response redispatch(@PathParam("number") String number, @FormParam("leadDepartmentCode") String lead,
            @FormParam("assistingDepartmentCodes") List<String> assisting, @FormParam("comment") String comment) {
        return act(number, "已改派", () -> workOrders.redispatch(number, dispatchOf(lead, assisting, comment),
                actor.get()));
    }

    /** 即问即答 of a work order still with the hotline: answered, it closes at once. */
    @POST
    @Path("/answer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@PathParam("number") String number, @FormParam("answer") String answer) {
        return act(number, "已当场答复，工单已办结",
                () -> workOrders.answerDirectly(number, PageForms.required("answer", answer), null, actor.get()));
    }

    @POST
    @Path("/urge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response urge(@PathParam("number") String number, @FormParam("comment") String comment) {
        return act(number, "已催办，承办单位已收到提醒", () -> workOrders.urge(number, blankToNull(comment), actor.get()));
    }

    @POST
    @Path("/supervise")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response supervise(@PathParam("number") String number, @FormParam("comment") String comment) {
        return act(number, "已列为督办件", () -> workOrders.supervise(number, blankToNull(comment), actor.get()));
    }

    /** 并单: this work order is a duplicate of the primary, which goes on. */
    @POST
    @Path("/merge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response merge(@PathParam("number") String number, @FormParam("primary") List<String> primary,
            @FormParam("comment") String comment) {
        // the primary picked from the search, or typed
        String chosen = primary == null
                ? null
                : primary.stream().filter(value -> blankToNull(value) != null).findFirst().orElse(null);
        return act(number, "已并入主单", () -> workOrders.merge(number,
                new WorkOrderRequests.Merge(PageForms.required("primary", chosen), blankToNull(comment)),
                actor.get()));
    }

    /** 办结 without a callback, e.g. when the citizen cannot be reached. */
    @POST
    @Path("/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response close(@PathParam("number") String number, @FormParam("reason") String reason) {
        return act(number, "已办结（未回访）",
                () -> workOrders.close(number, PageForms.required("reason", reason), actor.get()));
    }

    @POST
    @Path("/enterprise-request")
    public Response markEnterpriseRequest(@PathParam("number") String number) {
        return act(number, "已标记为涉企诉求，营商环境专席已收到台账",
                () -> workOrders.markEnterpriseRequest(number, actor.get()));
    }

    @POST
    @Path("/review")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response review(@PathParam("number") String number, @FormParam("decision") String decision,
            @FormParam("comment") String comment) {
        return decide(number, decision, comment, "已审核通过，待回访", workOrders::approveReply, "已退回承办单位重办",
                workOrders::rejectReply);
    }

    @POST
    @Path("/return")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decideReturn(@PathParam("number") String number, @FormParam("decision") String decision,
            @FormParam("comment") String comment) {
        return decide(number, decision, comment, "已同意退单，请改派", workOrders::approveReturn, "已驳回退单",
                workOrders::rejectReturn);
    }

    @POST
    @Path("/extension")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decideExtension(@PathParam("number") String number, @FormParam("decision") String decision,
            @FormParam("comment") String comment) {
        return decide(number, decision, comment, "已批准延期", workOrders::approveExtension, "已驳回延期",
                workOrders::rejectExtension);
    }

    /** 回访: reached or not; when reached, resolved and how satisfied. 不满意 sends it back to the department. */
    @POST
    @Path("/callback")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response callback(@PathParam("number") String number, @FormParam("reached") String reached,
            @FormParam("resolved") String resolved, @FormParam("satisfaction") String satisfaction,
            @FormParam("comment") String comment) {
        return act(number, "已记录回访", () -> workOrders.recordCallback(number, new WorkOrderRequests.Callback(
                "true".equals(reached), blankToNull(resolved) == null ? null : "true".equals(resolved),
                PageForms.option(Satisfaction.class, satisfaction, "满意度"), blankToNull(comment)), actor.get()));
    }

    /** 回访 by click-to-call: the agent's phone rings, then the citizen's; the outcome shows on the page. */
    @POST
    @Path("/callback-call")
    public Response callbackCall(@PathParam("number") String number) {
        return act(number, "正在呼叫：请接起话机，随后接通市民", () -> calls.callback(number, actor.get()));
    }

    /** 转 110（警单）or 转外地; a 警单 may take the call in hand with it (transferred, or 110 in a three-way call). */
    @POST
    @Path("/handover")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response handOver(@PathParam("number") String number, @FormParam("partnerCode") String partnerCode,
            @FormParam("call") String call, @FormParam("note") String note) {
        HandoverCall step = PageForms.option(HandoverCall.class, call, "来电处理");
        return act(number, "已转出" + (step == HandoverCall.TRANSFER
                ? "，来电已转接 110"
                : step == HandoverCall.THREE_WAY ? "，正在呼叫 110 加入三方通话" : ""), () -> {
                    handovers.handOver(number, new Handover(PageForms.required("partnerCode", partnerCode),
                            blankToNull(note), step), actor.get());
                    return null;
                });
    }

    /** A file for the work order (e.g. the citizen's photo sent afterwards): PDF, images, Word or Excel. */
    @POST
    @Path("/attachments")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response attach(@PathParam("number") String number, @RestForm("file") FileUpload file) {
        return act(number, "已上传附件",
                () -> AttachmentResource.attachUploaded(attachments, number, file, actor.get()));
    }

    @GET
    @Path("/attachments/{id}")
    public Response download(@PathParam("number") String number, @PathParam("id") long id) {
        return AttachmentResource.send(attachments.open(number, id, actor.get()));
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

    private static WorkOrderRequests.Dispatch dispatchOf(String lead, List<String> assisting, String comment) {
        return new WorkOrderRequests.Dispatch(PageForms.required("leadDepartmentCode", lead),
                assisting == null ? List.of() : assisting.stream().filter(code -> blankToNull(code) != null).toList(),
                blankToNull(comment));
    }

    /** The department automatic dispatch proposed last, to preselect in the dispatch form. */
    private String suggestedLead(Detail order) {
        List<EventView> history = order.history();
        for (int i = history.size() - 1; i >= 0; i--) {
            EventView event = history.get(i);
            if (event.type() == EventType.DISPATCH_SUGGESTED && event.details() != null) {
                try {
                    Object lead = json.readValue(event.details(), Map.class).get("suggestedLead");
                    return lead == null ? null : lead.toString();
                } catch (JsonProcessingException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static Response act(String number, String done, Supplier<?> step) {
        return PageForms.act("/hotline/work-orders/" + number, done, step);
    }
}
