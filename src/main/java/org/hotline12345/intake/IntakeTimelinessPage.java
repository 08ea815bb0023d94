package org.hotline12345.intake;

import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.hotline12345.common.QueryParameters;
import org.hotline12345.user.Role;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** 网络诉求时效: how fast the online requests of a period were answered, against the 3-minute rule. */
@Path("/supervisor/intake")
@RolesAllowed({Role.Names.SUPERVISOR, Role.Names.ADMIN})
public class IntakeTimelinessPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance timeliness(LocalDate from, LocalDate to, IntakeViews.Timeliness figures);
    }

    @Inject
    IntakeService intake;

    /** 网络诉求时效: the receipts and decisions of a period against the 3-minute rule. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance timeliness(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate end = QueryParameters.dateOr(to, intake.today());
        LocalDate start = QueryParameters.dateOr(from, end.minusDays(6));
        // a period the page cannot show becomes the nearest one it can: ends swapped, at most a year
        if (end.isBefore(start)) {
            LocalDate swap = start;
            start = end;
            end = swap;
        }
        if (start.plusDays(366).isBefore(end)) {
            start = end.minusDays(366);
        }
        return Templates.timeliness(start, end, intake.timeliness(start, end));
    }
}
