package org.hotline12345.scorecard;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hotline12345.calendar.WorkingCalendar;
import org.hotline12345.common.Workbooks;
import org.hotline12345.scorecard.ScorecardService.Drill;
import org.hotline12345.scorecard.ScorecardTable.Cell;
import org.hotline12345.scorecard.ScorecardTable.GroupTable;
import org.hotline12345.scorecard.ScorecardTable.Line;
import org.hotline12345.security.CurrentActor;
import org.hotline12345.user.Role;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * 部门考核 for supervisors: a period's ranking per group with every indicator, the red and black lists and a bar chart
 * of the scores (Apache ECharts); each figure opens the work orders behind it; the monthly 通报 printable and as Excel.
 */
@Path("/supervisor/scorecards")
@RolesAllowed({Role.Names.SUPERVISOR, Role.Names.ADMIN})
public class ScorecardPages {

    static final String PAGE = "/supervisor/scorecards";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance scorecards(ScorecardTable table, GroupTable group, List<String> headings,
                String previous, String next, String quarter, String quarterLabel, String month, String json,
                ScoringVersion version);

        static native TemplateInstance print(ScorecardTable table, List<String> headings, ScoringVersion version,
                List<String> weights);

        /** @param orderPage where a work order's page is, its number added */
        static native TemplateInstance drill(Drill drill, String indicatorLabel, String back, boolean mayAppeal,
                String orderPage);
    }

    /** What the chart draws: one group's departments and their scores, best first. */
    record Chart(List<String> departments, List<Double> scores) {
    }

    @Inject
    ScorecardViews views;

    @Inject
    CurrentActor actor;

    @Inject
    ObjectMapper mapper;

    @Inject
    WorkingCalendar calendar;

    @Inject
    Clock clock;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@QueryParam("period") String period, @QueryParam("group") String group) {
        Period chosen = period(period, calendar, clock);
        ScorecardService.Scorecard card = views.scorecard(chosen, actor.get());
        ScorecardTable table = ScorecardTable.of(card, PAGE);
        GroupTable shown = table.groups().stream().filter(g -> g.name().equals(group)).findFirst()
                .orElse(table.groups().isEmpty() ? new GroupTable("", List.of()) : table.groups().get(0));
        List<String> names = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        card.groups().stream().filter(g -> g.name().equals(shown.name())).flatMap(g -> g.rows().stream())
                .filter(r -> r.score() != null).forEach(r -> {
                    names.add(r.departmentName());
                    scores.add(r.score());
                });
        YearMonth first = chosen.first();
        String json;
        try {
            // inside a <script> element: "</" would end it
            json = mapper.writeValueAsString(new Chart(names, scores)).replace("</", "<\\/");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return Templates.scorecards(table, shown, ScorecardTable.headings(),
                chosen.quarter() ? quarterKey(first.minusMonths(3)) : first.minusMonths(1).toString(),
                chosen.quarter() ? quarterKey(first.plusMonths(3)) : first.plusMonths(1).toString(),
                quarterKey(first), Period.parse(quarterKey(first)).label(), first.toString(), json, card.version());
    }

    /** 考核通报: every group's ranking with the red and black lists, for printing. */
    @GET
    @Path("/print")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance print(@QueryParam("period") String period) {
        ScorecardService.Scorecard card = views.scorecard(period(period, calendar, clock), actor.get());
        List<String> weights = new ArrayList<>();
        for (Indicator indicator : Indicator.values()) {
            weights.add(indicator.label() + " " + card.version().weights().getOrDefault(indicator, 0));
        }
        return Templates.print(ScorecardTable.of(card, PAGE), ScorecardTable.headings(), card.version(), weights);
    }

    /** The 通报 as Excel: one row per department, each indicator with its count and base. */
    @GET
    @Path("/export")
    @Produces(Workbooks.MEDIA_TYPE)
    public Response export(@QueryParam("period") String period) {
        ScorecardTable table = ScorecardTable.of(views.scorecard(period(period, calendar, clock), actor.get()),
                PAGE);
        List<String> columns = new ArrayList<>(List.of("对比组", "名次", "承办单位", "得分", "榜单", "派单量", "申诉核减"));
        for (String heading : ScorecardTable.headings()) {
            columns.add(heading);
            columns.add(heading + "（件/基数）");
        }
        List<List<Object>> rows = new ArrayList<>();
        for (GroupTable group : table.groups()) {
            for (Line line : group.lines()) {
                List<Object> row = new ArrayList<>(List.of(group.name(), line.rank() == 0 ? "—" : line.rank(),
                        line.departmentName(), line.score(), line.mark(), line.volume().count(), line.excluded()));
                for (Cell cell : line.cells()) {
                    row.add(cell.text());
                    row.add(cell.count() + "/" + cell.base());
                }
                rows.add(row);
            }
        }
        return Response.ok(Workbooks.table(table.label() + "考核", columns, rows), Workbooks.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"scorecard-" + table.period() + ".xlsx\"")
                .build();
    }

    @GET
    @Path("/{period}/{department}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance drill(@PathParam("period") String period, @PathParam("department") String department,
            @QueryParam("indicator") String indicator) {
        Period chosen = Period.parse(period);
        Indicator shown = ScorecardResource.indicator(indicator);
        return Templates.drill(views.drill(chosen, department, shown, actor.get()),
                shown == null ? "派单量" : shown.label(), PAGE + "?period=" + chosen.key(), false,
                "/hotline/work-orders/");
    }

    /** The period asked for, or by default last month of the city. */
    static Period period(String value, WorkingCalendar calendar, Clock clock) {
        return value == null || value.isBlank()
                ? Period.month(YearMonth.from(clock.instant().atZone(calendar.zone())).minusMonths(1))
                : Period.parse(value);
    }

    private static String quarterKey(YearMonth month) {
        return new Period(month.minusMonths((month.getMonthValue() - 1) % 3), 3).key();
    }
}
