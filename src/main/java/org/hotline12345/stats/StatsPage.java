package org.hotline12345.stats;

import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.hotline12345.common.QueryParameters;
import org.hotline12345.security.Role;
import org.hotline12345.stats.StatsService.Report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** 统计分析: the three rates and the volumes over a period, with charts (Apache ECharts) and the figures as JSON. */
@Path("/supervisor/stats")
@RolesAllowed({Role.Names.SUPERVISOR, Role.Names.ADMIN})
public class StatsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance stats(Report report, String json);
    }

    @Inject
    StatsService stats;

    @Inject
    ObjectMapper mapper;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@QueryParam("from") String from, @QueryParam("to") String to) {
        Report report = report(from, to);
        try {
            // inside a <script> element: "</" would end it
            return Templates.stats(report, mapper.writeValueAsString(report).replace("</", "<\\/"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @GET
    @Path("/data")
    @Produces(MediaType.APPLICATION_JSON)
    public Report data(@QueryParam("from") String from, @QueryParam("to") String to) {
        return report(from, to);
    }

    private Report report(String from, String to) {
        LocalDate end = to == null || to.isBlank() ? stats.today() : QueryParameters.date("to", to);
        LocalDate start = from == null || from.isBlank() ? end.minusDays(29) : QueryParameters.date("from", from);
        return stats.report(start, end);
    }
}
