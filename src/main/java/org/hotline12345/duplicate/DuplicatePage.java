package org.hotline12345.duplicate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.hotline12345.user.Role;
import org.hotline12345.workorder.RelatedWorkOrders.MonthCount;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** 重复件与一人多诉: the supervisors' monthly counts of repeats, the last twelve months. */
@Path("/supervisor/duplicates")
@RolesAllowed({Role.Names.SUPERVISOR, Role.Names.ADMIN})
public class DuplicatePage {

    private static final int MONTHS = 12;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance monthly(List<MonthCount> months, long windowDays, int threshold);
    }

    @Inject
    DuplicateService duplicates;

    @Inject
    DuplicateConfig config;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page() {
        List<MonthCount> newestFirst = new ArrayList<>(duplicates.lastMonths(MONTHS));
        Collections.reverse(newestFirst);
        return Templates.monthly(newestFirst, config.window().toDays(),
                config.multipleRequests());
    }
}
