package org.hotline12345.telephony.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.hotline12345.common.HotlineException;
import org.hotline12345.common.Labels;
import org.hotline12345.common.PageForms;
import org.hotline12345.common.QueryParameters;
import org.hotline12345.common.Workbooks;
import org.hotline12345.telephony.QueueNames;
import org.hotline12345.telephony.report.CallCentreReport.Calls;
import org.hotline12345.telephony.report.CallCentreReport.Figures;
import org.hotline12345.user.Role;
import org.hotline12345.workorder.ServiceRating;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * 话务报表: the call-centre figures of a chosen day or period, per queue, agent and interval, with charts (Apache
 * ECharts), the figures as JSON and the tables as Excel. A bad period comes back as the page saying what is wrong.
 */
@Path("/supervisor/call-reports")
@RolesAllowed({Role.Names.SUPERVISOR, Role.Names.ADMIN})
public class CallReportPage {

    private static final List<ServiceRating> RATINGS = List.of(ServiceRating.values());

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance report(String from, String to, int interval, List<Integer> intervals,
                List<ServiceRating> ratings, CallCentreReport report, String json, String error);
    }

    @Inject
    CallCentreReports reports;

    @Inject
    QueueNames queueNames;

    @Inject
    ObjectMapper mapper;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("interval") String interval) {
        List<Integer> intervals = CallCentreReports.INTERVALS.stream().sorted().toList();
        try {
            CallCentreReport report = report(from, to, interval);
            // inside a <script> element: "</" would end it
            String json = mapper.writeValueAsString(report).replace("</", "<\\/");
            return Response.ok(Templates.report(report.from().toString(), report.to().toString(),
                    report.intervalMinutes(), intervals, RATINGS, report, json, null)).build();
        } catch (HotlineException e) {
            return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE)
                    .entity(Templates.report(from, to, 30, intervals, RATINGS, null, "null",
                            PageForms.reason(e, CallReportPage::fieldLabel)))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @GET
    @Path("/data")
    @Produces(MediaType.APPLICATION_JSON)
    public CallCentreReport data(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("interval") String interval) {
        return report(from, to, interval);
    }

    /** The report's tables as a workbook: by queue (with the total), by agent, by interval. */
    @GET
    @Path("/export")
    @Produces(Workbooks.MEDIA_TYPE)
    public Response export(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("interval") String interval) {
        CallCentreReport report = report(from, to, interval);
        CallCentreReport.Breakdown figures = report.figures();
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        CellStyle bold = Workbooks.bold(workbook);
        List<Figures> queues = new ArrayList<>(figures.queues());
        queues.add(figures.total());
        callSheet(workbook, bold, "按队列", "队列", queues, true, report);
        agentSheet(workbook, bold, figures);
        callSheet(workbook, bold, "按时段", "时段", figures.intervals().stream().filter(Figures::active).toList(),
                false, report);
        return Response.ok(Workbooks.bytes(workbook), Workbooks.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"call-report-" + report.from() + "-"
                        + report.to() + ".xlsx\"")
                .build();
    }

    private void callSheet(SXSSFWorkbook workbook, CellStyle bold, String name, String first, List<Figures> rows,
            boolean queueNamesFirst, CallCentreReport report) {
        Sheet sheet = workbook.createSheet(name);
        List<String> header = new ArrayList<>(List.of(first, "呼入", "接通", "放弃", "短时放弃",
                report.answerTargetSeconds() + "秒内接通", "服务水平(%)", "放弃率(%)", "平均应答(秒)", "平均处理时长(秒)",
                "平均通话(秒)", "平均话后处理(秒)", "漏接号码", report.callbackTargetMinutes() + "分钟内回拨",
                "应回拨(" + report.callbackTargetMinutes() + "分钟)", report.callbackTargetMinutes() + "分钟内回拨率(%)", "当日回拨",
                "应回拨(当日)", "当日回拨率(%)", "一次一评", "一次一评满意率(%)"));
        for (ServiceRating rating : ServiceRating.values()) {
            header.add(Labels.label(rating));
        }
        Workbooks.header(sheet, header, bold);
        int r = 1;
        for (Figures row : rows) {
            Calls calls = row.calls();
            List<Object> values = new ArrayList<>(List.of(queueNamesFirst && !"全部".equals(row.key())
                    ? queueNames.label(row.key())
                    : row.key(), calls.offered(), calls.answered(), calls.abandoned(), calls.shortAbandoned(),
                    calls.answeredWithinTarget()));
            values.add(percent(calls.serviceLevel()));
            values.add(percent(calls.abandonRate()));
            values.add(round(calls.averageSpeedOfAnswer()));
            values.add(round(calls.averageHandlingTime()));
            values.add(round(calls.averageTalk()));
            values.add(round(calls.averageWrapUp()));
            values.add(row.callbacks().missed());
            values.add(row.callbacks().withinTarget());
            values.add(row.callbacks().dueTarget());
            values.add(percent(row.callbacks().withinTargetShare()));
            values.add(row.callbacks().withinDay());
            values.add(row.callbacks().dueDay());
            values.add(percent(row.callbacks().withinDayShare()));
            values.add(row.ratings().total());
            values.add(percent(row.ratings().satisfiedShare()));
            for (ServiceRating rating : ServiceRating.values()) {
                values.add(row.ratings().count(rating));
            }
            Workbooks.row(sheet, r++, values);
        }
    }

    private static void agentSheet(SXSSFWorkbook workbook, CellStyle bold, CallCentreReport.Breakdown figures) {
        Sheet sheet = workbook.createSheet("按坐席");
        List<String> header = new ArrayList<>(List.of("坐席", "接通", "平均处理时长(秒)", "平均通话(秒)", "平均话后处理(秒)",
                "签入时长(秒)", "可接听时长(秒)", "忙碌时长(秒)", "占用率(%)", "示忙时长(秒)"));
        figures.pauseReasons().forEach(reason -> header.add("示忙：" + reason + "(秒)"));
        header.addAll(List.of("漏接回拨次数", "回拨接通", "一次一评", "一次一评满意率(%)"));
        Workbooks.header(sheet, header, bold);
        int r = 1;
        for (Figures row : figures.agents()) {
            List<Object> values = new ArrayList<>();
            values.add(row.key());
            values.add(row.calls().answered());
            values.add(round(row.calls().averageHandlingTime()));
            values.add(round(row.calls().averageTalk()));
            values.add(round(row.calls().averageWrapUp()));
            values.add(row.time().staffedSeconds());
            values.add(row.time().availableSeconds());
            values.add(row.time().busySeconds());
            values.add(percent(row.time().occupancy()));
            values.add(row.time().pausedSeconds());
            Map<String, Long> pauses = row.time().pausedByReason();
            figures.pauseReasons().forEach(reason -> values.add(pauses.getOrDefault(reason, 0L)));
            values.add(row.callbackAttempts());
            values.add(row.callbacksReached());
            values.add(row.ratings().total());
            values.add(percent(row.ratings().satisfiedShare()));
            Workbooks.row(sheet, r++, values);
        }
    }

    /** The query's fields as the page's form names them. */
    private static String fieldLabel(String field) {
        return switch (field) {
            case "from" -> "起";
            case "to" -> "止";
            case "interval" -> "时段";
            default -> field;
        };
    }

    /** 96.5 for 0.965; an empty cell where there is nothing to count. */
    private static Double percent(Double share) {
        return share == null ? null : Math.round(share * 1000) / 10.0;
    }

    private static Double round(Double seconds) {
        return seconds == null ? null : Math.round(seconds * 10) / 10.0;
    }

    private CallCentreReport report(String from, String to, String interval) {
        LocalDate end = to == null || to.isBlank() ? reports.today() : QueryParameters.date("to", to);
        LocalDate start = from == null || from.isBlank() ? end : QueryParameters.date("from", from);
        return reports.report(start, end, QueryParameters.integer("interval", interval, 30, 15, 60));
    }
}
