package org.hotline12345.businessdesk;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
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

import org.hotline12345.businessdesk.LedgerViews.Accountability;
import org.hotline12345.businessdesk.LedgerViews.Counts;
import org.hotline12345.businessdesk.LedgerViews.EntryDetail;
import org.hotline12345.businessdesk.LedgerViews.EntrySummary;
import org.hotline12345.businessdesk.LedgerViews.EnvironmentView;
import org.hotline12345.common.Page;
import org.hotline12345.common.PageForms;
import org.hotline12345.common.QueryParameters;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.department.DepartmentView;
import org.hotline12345.security.CurrentActor;
import org.hotline12345.user.AppUserRepository;
import org.hotline12345.user.Role;
import org.hotline12345.workorder.Satisfaction;
import org.hotline12345.workorder.WorkOrderService;
import org.hotline12345.workorder.WorkOrderViews.Detail;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The desk's pages: the ledger with its filters and counts, an entry with the work order it follows and the desk's
 * steps its stage allows ({@link LedgerAction} decides which, for these pages and the API alike), the accountability
 * list and an enterprise's history. Every form posts back here and returns to the page it came from with what
 * happened, or why not.
 */
@Path("/desk")
@RolesAllowed({Role.Names.DESK, Role.Names.DESK_LEAD, Role.Names.SUPERVISOR, Role.Names.ADMIN})
public class DeskPages {

    /** A desk member who can own an entry. */
    public record Member(String username, String displayName) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance ledger(Page<EntrySummary> page, Counts counts, LedgerQuery query,
                List<EnvironmentView> classification, List<DepartmentView> departments, String pageLink);

        static native TemplateInstance entry(EntryDetail detail, Detail order, List<EnvironmentView> classification,
                List<Member> members, boolean lead, String done, String error);

        static native TemplateInstance accountability(List<Accountability> rows);

        static native TemplateInstance enterprise(DeskResource.EnterpriseHistory history);
    }

    @Inject
    LedgerService ledger;

    @Inject
    DeskDirectory directory;

    @Inject
    DepartmentDirectory departments;

    @Inject
    AppUserRepository users;

    @Inject
    WorkOrderService workOrders;

    @Inject
    CurrentActor actor;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance ledger(@BeanParam LedgerQuery query, @QueryParam("page") String page) {
        int number = QueryParameters.integer("page", page, 0, 0, 100_000);
        LedgerFilter filter = query.filter();
        return Templates.ledger(ledger.list(filter, number, 50, actor.get()), ledger.counts(filter, actor.get()),
                query, directory.classification(), departments.all(), query.link());
    }

    /** The filtered ledger as an Excel file, for the page's download link. */
    @GET
    @Path("/export")
    @Produces(LedgerWorkbook.MEDIA_TYPE)
    public Response export(@BeanParam LedgerQuery query) {
        return Response.ok(LedgerWorkbook.entries(ledger.list(query.filter(), 0, 10_000, actor.get()).items()),
                LedgerWorkbook.MEDIA_TYPE).header("Content-Disposition", "attachment; filename=\"ledger.xlsx\"")
                .build();
    }

    @GET
    @Path("/entries/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance entry(@PathParam("id") long id, @QueryParam("done") String done,
            @QueryParam("error") String error) {
        List<Member> members = users.list("role in ?1 and active = true order by username",
                List.of(Role.DESK, Role.DESK_LEAD)).stream()
                .map(u -> new Member(u.getUsername(), u.getDisplayName())).toList();
        EntryDetail detail = ledger.get(id, actor.get());
        return Templates.entry(detail, workOrders.get(detail.entry().workOrderNumber(), actor.get()),
                directory.classification(), members, LedgerAction.decidesReferrals(actor.get().role()), done, error);
    }

    @GET
    @Path("/accountability")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance accountability() {
        return Templates.accountability(ledger.accountability());
    }

    @GET
    @Path("/enterprises/{code}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance enterprise(@PathParam("code") String code) {
        return Templates.enterprise(new DeskResource.EnterpriseHistory(directory.enterprise(code),
                ledger.ofEnterprise(directory.enterpriseId(code))));
    }

    @POST
    @Path("/entries/{id}/issue-kind")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response classify(@PathParam("id") long id, @FormParam("issueKindCode") String kind) {
        return act(id, "已分类", () -> ledger.classify(id, PageForms.required("issueKindCode", kind), actor.get()));
    }

    @POST
    @Path("/entries/{id}/owner")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assign(@PathParam("id") long id, @FormParam("owner") String owner) {
        return act(id, "已指定负责人", () -> ledger.assign(id, PageForms.required("owner", owner), actor.get()));
    }

    @POST
    @Path("/entries/{id}/progress")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response progress(@PathParam("id") long id, @FormParam("text") String text) {
        return act(id, "已记录进展", () -> ledger.addProgress(id, PageForms.required("text", text), actor.get()));
    }

    @POST
    @Path("/entries/{id}/verification")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response verify(@PathParam("id") long id, @FormParam("method") String method,
            @FormParam("enterpriseView") String view, @FormParam("comment") String comment) {
        return act(id, "已核实", () -> ledger.verify(id,
                QueryParameters.oneEnum("method", PageForms.required("method", method), VerificationMethod.class),
                (Instant) null, QueryParameters.oneEnum("enterpriseView", PageForms.required("enterpriseView", view),
                        Satisfaction.class),
                comment, actor.get()));
    }

    @POST
    @Path("/entries/{id}/sign-off/request")
    public Response requestSignOff(@PathParam("id") long id) {
        return act(id, "已申请销号", () -> ledger.requestSignOff(id, actor.get()));
    }

    @POST
    @Path("/entries/{id}/sign-off/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response approveSignOff(@PathParam("id") long id, @FormParam("comment") String comment) {
        return act(id, "已销号", () -> ledger.approveSignOff(id, comment, actor.get()));
    }

    @POST
    @Path("/entries/{id}/sign-off/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rejectSignOff(@PathParam("id") long id, @FormParam("reason") String reason) {
        return act(id, "已驳回，工单退回承办单位重办",
                () -> ledger.rejectSignOff(id, PageForms.required("reason", reason), actor.get()));
    }

    @POST
    @Path("/entries/{id}/referrals")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response propose(@PathParam("id") long id, @FormParam("reasons") String reasons,
            @FormParam("evidence") String evidence) {
        return act(id, "已提请移送纪检监察", () -> ledger.proposeReferral(id, PageForms.required("reasons", reasons),
                PageForms.required("evidence", evidence), actor.get()));
    }

    @POST
    @Path("/entries/{id}/referrals/{referral}/{decision}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("id") long id, @PathParam("referral") long referral,
            @PathParam("decision") String decision, @FormParam("comment") String comment) {
        boolean approve = "approve".equals(decision);
        return act(id, approve ? "已批准移送" : "已决定不予移送",
                () -> ledger.decideReferral(referral, approve, comment, actor.get()));
    }

    /** Runs a step and returns to the entry, saying what happened or why it could not. */
    private static Response act(long id, String done, Supplier<?> step) {
        return PageForms.act("/desk/entries/" + id, done, step);
    }
}
