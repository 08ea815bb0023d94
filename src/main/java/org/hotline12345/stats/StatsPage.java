package org.hotline12345.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hotline12345.common.QueryParameters;
import org.hotline12345.common.Workbooks;
import org.hotline12345.stats.StatsService.DepartmentRates;
import org.hotline12345.stats.StatsService.Report;
import org.hotline12345.user.Role;

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

    /** The per-department rates of the period, with their counts and bases, as Excel. */
    @GET
    @Path("/export")
    @Produces(Workbooks.MEDIA_TYPE)
    public Response export(@QueryParam("from") String from, @QueryParam("to") String to) {
        Report report = report(from, to);
        List<List<Object>> rows = new ArrayList<>();
        for (DepartmentRates line : report.departments()) {
            Rates rates = line.rates();
            rows.add(List.of(line.department(), line.holding(), rates.accepted().percent(), rates.accepted().count(),
                    rates.accepted().base(), rates.resolved().percent(), rates.resolved().count(),
                    rates.resolved().base(), rates.satisfied().percent(), rates.satisfied().count(),
                    rates.satisfied().base()));
        }
        return Response.ok(Workbooks.table(report.from() + " 至 " + report.to(), List.of("承办单位", "工单", "响应率", "按时签收",
                "应签收", "解决率", "已解决", "回访接通", "满意率", "满意及基本满意", "有满意度"), rows), Workbooks.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"rates-" + report.from() + "-" + report.to()
                        + ".xlsx\"")
                .build();
    }

    private Report report(String from, String to) {
        LocalDate end = to == null || to.isBlank() ? stats.today() : QueryParameters.date("to", to);
        LocalDate start = from == null || from.isBlank() ? end.minusDays(29) : QueryParameters.date("from", from);
        return stats.report(start, end);
    }
}
