package org.hotline12345.departmentworkbench;

import java.util.ArrayList;
import java.util.Arrays;
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

import org.hotline12345.common.ConflictException;
import org.hotline12345.common.Labels;
import org.hotline12345.common.Page;
import org.hotline12345.common.PageForms;
import org.hotline12345.common.QueryParameters;
import org.hotline12345.common.Workbooks;
import org.hotline12345.deadline.CardLevel;
import org.hotline12345.deadline.ClockReadings;
import org.hotline12345.deadline.ClockReadings.ClockReading;
import org.hotline12345.deadline.DeadlineClock;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.department.DepartmentView;
import org.hotline12345.security.CurrentActor;
import org.hotline12345.user.Role;
import org.hotline12345.workorder.AttachmentResource;
import org.hotline12345.workorder.AttachmentService;
import org.hotline12345.workorder.AttachmentService.AttachmentView;
import org.hotline12345.workorder.WorkOrderRequests;
import org.hotline12345.workorder.WorkOrderSearch;
import org.hotline12345.workorder.WorkOrderService;
import org.hotline12345.workorder.WorkOrderStatus;
import org.hotline12345.workorder.WorkOrderViews.ClockView;
import org.hotline12345.workorder.WorkOrderViews.Detail;
import org.hotline12345.workorder.WorkOrderViews.Handled;
import org.hotline12345.workorder.WorkOrderViews.Summary;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * 承办单位工作台: the department's inbox, most urgent deadline first, with red and yellow cards and the working time
 * left; a work order's page with its clocks, its history and the steps the department's part allows in its state
 * (签收, 回复, 退单, 延期申请 for the lead; 协办意见 for an assisting department) as
 * {@link org.hotline12345.workorder.WorkOrderPolicy} lists them; a print view. Forms post back here and return to the
 * work order with what happened, or why not.
 */
@Path("/department")
@RolesAllowed(Role.Names.DEPARTMENT_STAFF)
public class DepartmentWorkbench {

    /**
     * One line of the inbox.
     *
     * @param clock the clock that runs now: accepting while dispatched, replying once accepted
     * @param remaining the working time left or by how much it is late, as people read it
     */
    public record InboxRow(Summary order, ClockView clock, String clockName, CardLevel card, String remaining) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance inbox(Page<InboxRow> page, String query, List<CardLevel> cards);

        static native TemplateInstance workOrder(Detail order, String part, ClockReading acceptClock,
                ClockReading replyClock, List<AttachmentView> attachments, List<ReplyPhrases.Phrase> phrases,
                String done, String error);

        static native TemplateInstance print(Detail order, ClockReading acceptClock, ClockReading replyClock,
                List<AttachmentView> attachments, String back, String printedAt);

        static native TemplateInstance handled(Page<Handled> page);

        static native TemplateInstance phrases(List<ReplyPhrases.Phrase> phrases, String done, String error);
    }

    @Inject
    WorkOrderService workOrders;

    @Inject
    ClockReadings clocks;

    @Inject
    DepartmentDirectory departments;

    @Inject
    AttachmentService attachments;

    @Inject
    ReplyPhrases phrases;

    @Inject
    CurrentActor actor;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance inbox(@QueryParam("q") String query, @QueryParam("page") String page) {
        int number = QueryParameters.integer("page", page, 0, 0, 100_000);
        Page<Summary> found = workOrders.search(inboxSearch(query), number, 50, actor.get());
        Page<InboxRow> rows = new Page<>(found.items().stream().map(this::row).toList(), found.page(), found.size(),
                found.total());
        return Templates.inbox(rows, query == null ? "" : query, List.of(CardLevel.values()));
    }

    /** The whole inbox (or what the search finds) as an Excel file. */
    @GET
    @Path("/export")
    @Produces(Workbooks.MEDIA_TYPE)
    public Response export(@QueryParam("q") String query) {
        List<List<Object>> rows = new ArrayList<>();
        for (Summary order : workOrders.search(inboxSearch(query), 0, 10_000, actor.get()).items()) {
            InboxRow row = row(order);
            rows.add(Arrays.asList(order.number(), order.title(), Labels.label(order.requestType()),
                    Labels.label(order.status()), Labels.label(row.card()), row.clockName(),
                    row.clock() == null ? null : row.clock().deadline(), row.remaining()));
        }
        return Response.ok(Workbooks.table("待办工单", List.of("工单编号", "标题", "类型", "状态", "牌", "时限", "截止时间", "剩余"),
                rows), Workbooks.MEDIA_TYPE).header("Content-Disposition", "attachment; filename=\"inbox.xlsx\"")
                .build();
    }

    @GET
    @Path("/work-orders/{number}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance workOrder(@PathParam("number") String number, @QueryParam("done") String done,
            @QueryParam("error") String error) {
        Detail order = workOrders.get(number, actor.get());
        return Templates.workOrder(order, part(order), clocks.read(DeadlineClock.ACCEPT, order.acceptClock()),
                clocks.read(DeadlineClock.REPLY, order.replyClock()), attachments.list(number, actor.get()),
                phrases.of(actor.get()), done, error);
    }

    /** 打印工单, as the department has it. */
    @GET
    @Path("/work-orders/{number}/print")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance print(@PathParam("number") String number) {
        Detail order = workOrders.get(number, actor.get());
        return Templates.print(order, clocks.read(DeadlineClock.ACCEPT, order.acceptClock()),
                clocks.read(DeadlineClock.REPLY, order.replyClock()), attachments.list(number, actor.get()),
                "/department/work-orders/" + number, clocks.now());
    }

    /** 已办: what the department has acted on and no longer holds, the latest first. */
    @GET
    @Path("/handled")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance handled(@QueryParam("page") String page) {
        return Templates.handled(workOrders.handledBy(actor.get(), QueryParameters.integer("page", page, 0, 0, 100_000),
                50));
    }

    /** 常用语: the department's reply phrases, which its staff keep. */
    @GET
    @Path("/phrases")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance phrases(@QueryParam("done") String done, @QueryParam("error") String error) {
        return Templates.phrases(phrases.of(actor.get()), done, error);
    }

    @POST
    @Path("/phrases")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addPhrase(@FormParam("text") String text) {
        return PageForms.act("/department/phrases", "已添加常用语", () -> {
            phrases.add(text, actor.get());
            return null;
        });
    }

    @POST
    @Path("/phrases/{id}/delete")
    public Response removePhrase(@PathParam("id") String id) {
        return PageForms.act("/department/phrases", "已删除常用语", () -> {
            phrases.remove(QueryParameters.integer("id", id, 0, 1, Integer.MAX_VALUE), actor.get());
            return null;
        });
    }

    /** A file for the reply (证明材料): PDF, images, Word or Excel. */
    @POST
    @Path("/work-orders/{number}/attachments")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response attach(@PathParam("number") String number, @RestForm("file") FileUpload file) {
        return act(number, "已上传附件",
                () -> AttachmentResource.attachUploaded(attachments, number, file, actor.get()));
    }

    @GET
    @Path("/work-orders/{number}/attachments/{id}")
    public Response download(@PathParam("number") String number, @PathParam("id") long id) {
        return AttachmentResource.send(attachments.open(number, id, actor.get()));
    }

    @POST
    @Path("/work-orders/{number}/accept")
    public Response accept(@PathParam("number") String number) {
        return act(number, "已签收", () -> workOrders.accept(number, null, actor.get()));
    }

    @POST
    @Path("/work-orders/{number}/reply")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reply(@PathParam("number") String number, @FormParam("content") String content,
            @FormParam("withdrawExtension") boolean withdrawExtension) {
        return act(number, "已回复，等待热线审核", () -> {
            String reply = PageForms.required("content", content);
            // the service withdraws a pending extension request with the reply: the page asks first
            if (!withdrawExtension && workOrders.get(number, actor.get()).pendingExtension() != null) {
                throw new ConflictException("本单位有待审批的延期申请：提交回复会撤回该申请，请勾选“撤回延期申请并回复”后再提交");
            }
            return workOrders.reply(number, reply, actor.get());
        });
    }

    @POST
    @Path("/work-orders/{number}/return")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response requestReturn(@PathParam("number") String number, @FormParam("reason") String reason) {
        return act(number, "已申请退单，等待热线审核",
                () -> workOrders.requestReturn(number, PageForms.required("reason", reason), actor.get()));
    }

    /** 协办意见: an assisting department's input for the lead's reply. */
    @POST
    @Path("/work-orders/{number}/assist-input")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submitAssistInput(@PathParam("number") String number, @FormParam("input") String input) {
        return act(number, "已提交协办意见", () -> workOrders.submitAssistInput(number,
                PageForms.required("input", input), actor.get()));
    }

    @POST
    @Path("/work-orders/{number}/extension")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response requestExtension(@PathParam("number") String number, @FormParam("days") String days,
            @FormParam("reason") String reason) {
        return act(number, "已申请延期，等待热线审批", () -> workOrders.requestExtension(number,
                new WorkOrderRequests.Extension(
                        QueryParameters.integer("days", PageForms.required("days", days), 1, 1, 30),
                        PageForms.required("reason", reason)),
                actor.get()));
    }

    /** What the department holds now, as lead or assisting; not what it held and handed on. */
    private WorkOrderSearch inboxSearch(String query) {
        return new WorkOrderSearch(WorkOrderStatus.OPEN_FOR_DEPARTMENT, Set.of(), Set.of(), Set.of(), null,
                actor.get().departmentId(),
                null, null,
                null, null, null, query == null || query.isBlank() ? null : query.strip(),
                WorkOrderSearch.Sort.REPLY_DEADLINE_ASC);
    }

    /** The part the user's department has now (主办, 协办), or that it handled it before. */
    private String part(Detail order) {
        String code = departments.byId(actor.get().departmentId()).map(DepartmentView::code).orElse(null);
        return order.assignments().stream()
                .filter(a -> a.endedAt() == null && a.department() != null && a.department().code().equals(code))
                .map(a -> Labels.label(a.role())).findFirst().orElse("曾承办，现已转出");
    }

    private InboxRow row(Summary order) {
        boolean accepting = order.status() == WorkOrderStatus.DISPATCHED;
        ClockView running = accepting ? order.acceptClock() : order.replyClock();
        ClockReading reading = clocks.read(accepting ? DeadlineClock.ACCEPT : DeadlineClock.REPLY, running);
        return new InboxRow(order, running, accepting ? "签收" : "办理",
                reading == null ? CardLevel.NONE : reading.card(), reading == null ? null : reading.remaining());
    }

    private Response act(String number, String done, Supplier<?> step) {
        return PageForms.act("/department/work-orders/" + number, done, step);
    }
}
