package org.hotline12345.businessdesk;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline12345.businessdesk.LedgerViews.Accountability;
import org.hotline12345.businessdesk.LedgerViews.Counts;
import org.hotline12345.businessdesk.LedgerViews.EnterpriseView;
import org.hotline12345.businessdesk.LedgerViews.EntryDetail;
import org.hotline12345.businessdesk.LedgerViews.EntrySummary;
import org.hotline12345.businessdesk.LedgerViews.EnvironmentView;
import org.hotline12345.businessdesk.LedgerViews.IssueKindView;
import org.hotline12345.businessdesk.LedgerViews.ReferralView;
import org.hotline12345.businessdesk.LedgerViews.WeeklyReport;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.common.Page;
import org.hotline12345.common.QueryParameters;
import org.hotline12345.security.CurrentActor;
import org.hotline12345.user.Role;

/**
 * 营商环境专席: the ledger of enterprise requests, their verification and sign-off, referrals, accountability and the
 * weekly report. Desk members work the ledger; supervisors and administrators read it; departments read their own
 * entries.
 */
@Path("/api/desk")
@Tag(name = "Business-environment desk")
@RolesAllowed({Role.Names.DESK, Role.Names.DESK_LEAD})
public class DeskResource {

    /** One entry of the enterprise's history: the enterprise and all its requests. */
    public record EnterpriseHistory(EnterpriseView enterprise, List<EntrySummary> requests) {
    }

    @Inject
    LedgerService ledger;

    @Inject
    WeeklyReports reports;

    @Inject
    DeskDirectory directory;

    @Inject
    CurrentActor actor;

    @GET
    @Path("/ledger")
    @RolesAllowed({Role.Names.DESK, Role.Names.DESK_LEAD, Role.Names.SUPERVISOR, Role.Names.ADMIN,
            Role.Names.DEPARTMENT_STAFF})
    @Operation(summary = "台账: enterprise requests, newest first; departments see their own")
    public Page<EntrySummary> list(@BeanParam LedgerQuery query, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return ledger.list(query.filter(), QueryParameters.integer("page", page, 0, 0, 100_000),
                QueryParameters.integer("size", size, 20, 1, 200), actor.get());
    }

    @GET
    @Path("/ledger/counts")
    @RolesAllowed({Role.Names.DESK, Role.Names.DESK_LEAD, Role.Names.SUPERVISOR, Role.Names.ADMIN})
    @Operation(summary = "The ledger counted by environment, by department and by status (same filters as the list)")
    public Counts counts(@BeanParam LedgerQuery query) {
        return ledger.counts(query.filter(), actor.get());
    }

    @GET
    @Path("/ledger/export")
    @Produces(LedgerWorkbook.MEDIA_TYPE)
    @RolesAllowed({Role.Names.DESK, Role.Names.DESK_LEAD, Role.Names.SUPERVISOR, Role.Names.ADMIN})
    @Operation(summary = "The ledger (same filters as the list, up to 10,000 entries) as an Excel file")
    public Response export(@BeanParam LedgerQuery query) {
        Page<EntrySummary> entries = ledger.list(query.filter(), 0, 10_000, actor.get());
        return excel(LedgerWorkbook.entries(entries.items()), "ledger.xlsx");
    }

    @GET
    @Path("/ledger/{id}")
    @RolesAllowed({Role.Names.DESK, Role.Names.DESK_LEAD, Role.Names.SUPERVISOR, Role.Names.ADMIN,
            Role.Names.DEPARTMENT_STAFF})
    @Operation(summary = "An entry with its trail; departments never see the referral discussion")
    public EntryDetail get(@PathParam("id") String id) {
        return ledger.get(id(id), actor.get());
    }

    @GET
    @Path("/ledger/by-work-order/{number}")
    @RolesAllowed({Role.Names.DESK, Role.Names.DESK_LEAD, Role.Names.SUPERVISOR, Role.Names.ADMIN,
            Role.Names.DEPARTMENT_STAFF})
    public EntryDetail forWorkOrder(@PathParam("number") String number) {
        return ledger.forWorkOrder(number, actor.get());
    }

    @PUT
    @Path("/ledger/{id}/issue-kind")
    @Operation(summary = "Classify the entry: an issue kind under one of the four environments")
    public EntryDetail classify(@PathParam("id") String id, @NotNull @Valid DeskRequests.Classify request) {
        return ledger.classify(id(id), request.issueKindCode(), actor.get());
    }

    @PUT
    @Path("/ledger/{id}/owner")
    @Operation(summary = "The desk member who owns the entry")
    public EntryDetail assign(@PathParam("id") String id, @NotNull @Valid DeskRequests.Assign request) {
        return ledger.assign(id(id), request.owner(), actor.get());
    }

    @POST
    @Path("/ledger/{id}/progress")
    @Operation(summary = "A progress note")
    public EntryDetail progress(@PathParam("id") String id, @NotNull @Valid DeskRequests.Progress request) {
        return ledger.addProgress(id(id), request.text(), actor.get());
    }

    @POST
    @Path("/ledger/{id}/verification")
    @Operation(summary = "核实: the department's reply, verified with the enterprise (how, when, its view)")
    public EntryDetail verify(@PathParam("id") String id, @NotNull @Valid DeskRequests.Verify request) {
        return ledger.verify(id(id), request.method(), request.verifiedAt(), request.enterpriseView(),
                request.comment(), actor.get());
    }

    @POST
    @Path("/ledger/{id}/sign-off/request")
    @Operation(summary = "Ask for sign-off (销号) of a verified entry")
    public EntryDetail requestSignOff(@PathParam("id") String id) {
        return ledger.requestSignOff(id(id), actor.get());
    }

    @POST
    @Path("/ledger/{id}/sign-off/approve")
    @Operation(summary = "销号: by a second desk member or the desk lead; the work order closes")
    public EntryDetail approveSignOff(@PathParam("id") String id, @Valid DeskRequests.Comment request) {
        return ledger.approveSignOff(id(id), request == null ? null : request.comment(), actor.get());
    }

    @POST
    @Path("/ledger/{id}/sign-off/reject")
    @Operation(summary = "Reject the sign-off: the work order goes back to the department (重办)")
    public EntryDetail rejectSignOff(@PathParam("id") String id, @NotNull @Valid DeskRequests.Reason request) {
        return ledger.rejectSignOff(id(id), request.reason(), actor.get());
    }

    @POST
    @Path("/ledger/{id}/referrals")
    @Operation(summary = "Propose a referral to discipline inspection, with reasons and evidence")
    public Response propose(@PathParam("id") String id, @NotNull @Valid DeskRequests.ProposeReferral request) {
        return Response.status(Response.Status.CREATED)
                .entity(ledger.proposeReferral(id(id), request.reasons(), request.evidence(), actor.get())).build();
    }

    @GET
    @Path("/referrals")
    @Operation(summary = "Referrals to discipline inspection, newest first")
    public List<ReferralView> referrals(@QueryParam("status") String status) {
        return ledger.referrals(status == null || status.isBlank()
                ? null
                : QueryParameters.oneEnum("status", status.strip(), ReferralStatus.class));
    }

    @POST
    @Path("/referrals/{id}/approve")
    @RolesAllowed(Role.Names.DESK_LEAD)
    @Operation(summary = "The desk lead approves a referral; final")
    public ReferralView approveReferral(@PathParam("id") String id, @Valid DeskRequests.Comment request) {
        return ledger.decideReferral(id(id), true, request == null ? null : request.comment(), actor.get());
    }

    @POST
    @Path("/referrals/{id}/reject")
    @RolesAllowed(Role.Names.DESK_LEAD)
    @Operation(summary = "The desk lead turns a referral down; final")
    public ReferralView rejectReferral(@PathParam("id") String id, @Valid DeskRequests.Comment request) {
        return ledger.decideReferral(id(id), false, request == null ? null : request.comment(), actor.get());
    }

    @GET
    @Path("/accountability")
    @RolesAllowed({Role.Names.DESK, Role.Names.DESK_LEAD, Role.Names.SUPERVISOR, Role.Names.ADMIN})
    @Operation(summary = "Departments that missed deadlines on enterprise matters, with counts and ages")
    public List<Accountability> accountability() {
        return ledger.accountability();
    }

    @GET
    @Path("/reports/weekly")
    @RolesAllowed({Role.Names.DESK, Role.Names.DESK_LEAD, Role.Names.SUPERVISOR, Role.Names.ADMIN})
    @Operation(summary = "台账周报 of a week like 2026-W48 (default: this week)")
    public WeeklyReport weekly(@QueryParam("week") String week) {
        return reports.report(week == null || week.isBlank() ? reports.weekOf(ledger.today()) : week);
    }

    @GET
    @Path("/reports/weekly.xlsx")
    @Produces(LedgerWorkbook.MEDIA_TYPE)
    @RolesAllowed({Role.Names.DESK, Role.Names.DESK_LEAD, Role.Names.SUPERVISOR, Role.Names.ADMIN})
    public Response weeklyExcel(@QueryParam("week") String week) {
        WeeklyReport report = weekly(week);
        return excel(LedgerWorkbook.weekly(report), "ledger-" + report.week() + ".xlsx");
    }

    @GET
    @Path("/classification")
    @RolesAllowed({Role.Names.DESK, Role.Names.DESK_LEAD, Role.Names.SUPERVISOR, Role.Names.ADMIN})
    @Operation(summary = "The four environments and the issue kinds under them")
    public List<EnvironmentView> classification() {
        return directory.classification();
    }

    @POST
    @Path("/classification/issue-kinds")
    @RolesAllowed({Role.Names.DESK_LEAD, Role.Names.ADMIN})
    public Response addIssueKind(@NotNull @Valid DeskRequests.NewIssueKind request) {
        IssueKindView kind = directory.addIssueKind(request.environmentCode(), request.code(), request.name());
        return Response.status(Response.Status.CREATED).entity(kind).build();
    }

    @PUT
    @Path("/classification/issue-kinds/{code}")
    @RolesAllowed({Role.Names.DESK_LEAD, Role.Names.ADMIN})
    @Operation(summary = "Rename an issue kind, or retire it (active=false): retired kinds stay on old entries")
    public IssueKindView changeIssueKind(@PathParam("code") String code,
            @NotNull @Valid DeskRequests.ChangeIssueKind request) {
        return directory.updateIssueKind(code, request.name(), request.active());
    }

    @GET
    @Path("/enterprises/{creditCode}")
    @RolesAllowed({Role.Names.DESK, Role.Names.DESK_LEAD, Role.Names.SUPERVISOR, Role.Names.ADMIN})
    @Operation(summary = "An enterprise and every request it raised")
    public EnterpriseHistory enterprise(@PathParam("creditCode") String creditCode) {
        return new EnterpriseHistory(directory.enterprise(creditCode),
                ledger.ofEnterprise(directory.enterpriseId(creditCode)));
    }

    @PUT
    @Path("/enterprises/{creditCode}")
    public EnterpriseView updateEnterprise(@PathParam("creditCode") String creditCode,
            @NotNull @Valid DeskRequests.EnterpriseDetails request) {
        return directory.updateEnterprise(creditCode, request.name(), request.contactName(), request.contactPhone(),
                request.industry(), request.size());
    }

    private static Response excel(byte[] workbook, String name) {
        return Response.ok(workbook, LedgerWorkbook.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    private static long id(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw InvalidFieldException.malformed("id", "integer", "“" + value + "”不是编号");
        }
    }

}
