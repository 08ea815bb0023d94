package org.hotline12345.businessdesk;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.hotline12345.businessdesk.LedgerViews.WeeklyReport;
import org.hotline12345.user.Role;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** 台账周报 as a page, for reading and printing; the same figures as the API and the Excel file. */
@Path("/desk/reports/weekly")
@RolesAllowed({Role.Names.DESK, Role.Names.DESK_LEAD, Role.Names.SUPERVISOR, Role.Names.ADMIN})
public class DeskReportPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance weekly(WeeklyReport report);
    }

    @Inject
    WeeklyReports reports;

    @Inject
    LedgerService ledger;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@QueryParam("week") String week) {
        return Templates.weekly(reports.report(week == null || week.isBlank()
                ? reports.weekOf(ledger.today())
                : week));
    }
}
