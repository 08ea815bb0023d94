package org.hotline12345.hotspot;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hotline12345.common.HotlineException;
import org.hotline12345.common.PageForms;
import org.hotline12345.common.QueryParameters;
import org.hotline12345.common.Workbooks;
import org.hotline12345.security.CurrentActor;
import org.hotline12345.user.Role;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * 区域分布 for supervisors: the city's districts or streets coloured by the period's requests or by open hotspots, the
 * same figures as a table, and the table as Excel.
 */
@Path("/supervisor/map")
@RolesAllowed(Role.Names.SUPERVISOR)
public class AreaMapPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance map(AreaMap.View view, String from, String to, String level, String measure,
                String json, String error);
    }

    @Inject
    AreaMap map;

    @Inject
    CurrentActor actor;

    @Inject
    ObjectMapper mapper;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("level") String level, @QueryParam("measure") String measure) {
        Asked asked = asked(from, to, level, measure);
        try {
            AreaMap.View view = view(asked);
            return Response.ok(Templates.map(view, asked.from, asked.to, asked.level.name(), asked.measure,
                    mapper.writeValueAsString(view).replace("</", "<\\/"), null)).build();
        } catch (HotlineException e) {
            return Response.status(e.status()).entity(Templates.map(null, asked.from, asked.to, asked.level.name(),
                    asked.measure, "null", PageForms.reason(e, PageForms::fieldLabel))).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The boundaries the page draws. */
    @GET
    @Path("/boundaries")
    @Produces("application/geo+json")
    public String boundaries() {
        return map.boundaries();
    }

    @GET
    @Path("/export")
    @Produces(Workbooks.MEDIA_TYPE)
    public Response export(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("level") String level) {
        Asked asked = asked(from, to, level, null);
        AreaMap.View view = view(asked);
        List<List<?>> rows = view.areas().stream()
                .<List<?>> map(a -> List.of(a.district(), a.street() == null ? "" : a.street(), a.requests(),
                        a.openHotspots()))
                .toList();
        byte[] workbook = Workbooks.table("区域分布", List.of("区县", "街道", "诉求量", "未处置热点"), rows);
        return Response.ok(workbook).header("Content-Disposition",
                "attachment; filename=\"area-" + view.from() + "-" + view.to() + ".xlsx\"").build();
    }

    private AreaMap.View view(Asked asked) {
        return map.view(QueryParameters.date("from", asked.from), QueryParameters.date("to", asked.to), asked.level,
                actor.get());
    }

    /** What the page was asked, with the last 30 days of the city by district and requests where it said nothing. */
    private Asked asked(String from, String to, String level, String measure) {
        LocalDate today = map.today();
        String end = to == null || to.isBlank() ? today.toString() : to.strip();
        String start = from == null || from.isBlank() ? today.minusDays(29).toString() : from.strip();
        AreaMap.Level chosen = "STREET".equalsIgnoreCase(level) ? AreaMap.Level.STREET : AreaMap.Level.DISTRICT;
        return new Asked(start, end, chosen, "hotspots".equals(measure) ? "hotspots" : "requests");
    }

    private record Asked(String from, String to, AreaMap.Level level, String measure) {
    }
}
