package org.hotline12345.calendar;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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

import org.hotline12345.calendar.HolidaySchedule.Stretch;
import org.hotline12345.calendar.HolidayYears.YearView;
import org.hotline12345.calendar.StoredDeadlines.Recalculated;
import org.hotline12345.common.HotlineException;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.common.Labels;
import org.hotline12345.common.PageForms;
import org.hotline12345.common.ResourceNotFoundException;
import org.hotline12345.common.TextInput;
import org.hotline12345.security.CurrentActor;
import org.hotline12345.user.Role;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * 节假日日历: the covered years with where each comes from, their days off and make-up workdays, a form to add or
 * replace a year by pasting the State Council's arrangement, and a tester of working days and deadlines.
 */
@Path("/admin/calendar")
@RolesAllowed(Role.Names.ADMIN)
public class CalendarAdminPage {

    static final String PAGE = "/admin/calendar";

    /** The placeholder of the form: the format by example. */
    static final String EXAMPLE = """
            # 2027 年（示例，请按国务院办公厅通知填写）
            off  2027-01-01              元旦
            off  2027-02-06..2027-02-12  春节
            work 2027-02-14              春节
            off  2027-10-01..2027-10-07  国庆节""";

    /**
     * A year as the page shows it.
     *
     * @param running how many running deadlines fall in the year: what changing it moves
     * @param editing whether the form holds this year
     */
    public record YearPanel(YearView view, List<DayLine> lines, long daysOff, long makeUpDays, long running,
            boolean editing) {
    }

    /** One stretch of an arrangement as people read it, e.g. 春节 放假 2027-02-06 星期六 至 2027-02-12 星期五 7 天. */
    public record DayLine(String name, boolean working, String dates, long days) {
    }

    /** A year in the coming weeks with no arrangement: only weekends are off there. */
    public record Gap(int year, long running) {
    }

    /** The form, as entered. */
    public record YearForm(String year, String entries) {
    }

    /** What the tester worked out, or why not. */
    public record Probe(String date, String time, String limit, String day, Boolean working, String deadline,
            String error) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance calendar(List<YearPanel> years, List<Gap> gaps, YearForm form, String example,
                Integer deleting, Probe probe, String done, String error);
    }

    @Inject
    HolidayYears years;

    @Inject
    WorkingCalendar calendar;

    @Inject
    CalendarConfig config;

    @Inject
    CalendarResource calculations;

    @Inject
    CurrentActor actor;

    @Inject
    Clock clock;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@QueryParam("edit") String edit, @QueryParam("delete") String delete,
            @QueryParam("date") String date, @QueryParam("time") String time, @QueryParam("limit") String limit,
            @QueryParam("done") String done, @QueryParam("error") String error) {
        Integer editing = yearParameter(edit);
        YearForm form = editing == null ? new YearForm("", "") : new YearForm(editing.toString(), textOf(editing));
        return page(form, yearParameter(delete), probe(date, time, limit), done, error);
    }

    @POST
    @Path("/years")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@FormParam("year") String year, @FormParam("entries") String entries) {
        YearForm form = new YearForm(year == null ? "" : year.strip(), entries == null ? "" : entries);
        try {
            int number = yearOf(form.year());
            HolidayYears.Saved saved = years.save(number, form.entries(), actor.get());
            return back("已保存 " + number + " 年节假日安排" + moved(saved.deadlines()), number);
        } catch (HotlineException e) {
            String reason = e instanceof InvalidFieldException invalid ? invalid.violation().message() : e.getMessage();
            // the page again with what was pasted, so that one wrong line does not cost the rest
            return Response.status(422).type(MediaType.TEXT_HTML_TYPE)
                    .entity(page(form, null, probe(null, null, null), null, reason)).build();
        }
    }

    @POST
    @Path("/years/{year}/delete")
    public Response delete(@PathParam("year") int year) {
        Recalculated deadlines;
        try {
            deadlines = years.delete(year, actor.get());
        } catch (ResourceNotFoundException e) {
            return Response.seeOther(URI.create(PAGE + "?error=" + PageForms.encode(year + " 年没有管理员维护的安排，无需删除")))
                    .build();
        }
        String now = years.years().stream().filter(view -> view.year() == year).findFirst()
                .map(view -> "，恢复使用" + Labels.label(view.source()) + "安排").orElse("，该年截止时间仅按周末计算");
        return back("已删除管理员维护的 " + year + " 年安排" + now + moved(deadlines), year);
    }

    private TemplateInstance page(YearForm form, Integer deleting, Probe probe, String done, String error) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), calendar.zone());
        List<Gap> gaps = calendar.uncoveredYears(today, today.plusDays(config.coverageHorizon().toDays())).stream()
                .map(year -> new Gap(year, years.runningDeadlinesIn(year))).toList();
        List<YearPanel> panels = years.years().stream().sorted(Comparator.comparing(YearView::year).reversed())
                .map(view -> panel(view, form)).toList();
        Integer confirm = deleting != null && years.administered(deleting).isPresent() ? deleting : null;
        return Templates.calendar(panels, gaps, form, EXAMPLE, confirm, probe, done, error);
    }

    private YearPanel panel(YearView view, YearForm form) {
        List<Stretch> stretches = calendar.schedule().stretches(view.year());
        List<DayLine> lines = stretches.stream().map(CalendarAdminPage::line).toList();
        long off = stretches.stream().filter(s -> !s.working()).mapToLong(Stretch::length).sum();
        long worked = stretches.stream().filter(Stretch::working).mapToLong(Stretch::length).sum();
        return new YearPanel(view, lines, off, worked, years.runningDeadlinesIn(view.year()),
                form.year().equals(Integer.toString(view.year())));
    }

    private static DayLine line(Stretch stretch) {
        String dates = readable(stretch.first())
                + (stretch.length() > 1 ? " 至 " + readable(stretch.last()) : "");
        return new DayLine(stretch.name(), stretch.working(), dates, stretch.length());
    }

    private static String readable(LocalDate date) {
        return date + " " + HolidaySchedule.weekday(date);
    }

    /** The administrator's text of the year, or the shipped arrangement written out as a starting point. */
    private String textOf(int year) {
        return years.administered(year).map(AdministeredYear::entries)
                .orElseGet(() -> calendar.covers(LocalDate.of(year, 1, 1)) ? calendar.schedule().format(year) : "");
    }

    /** The tester: whether the date is a working day and, with a limit, the deadline of a clock started then. */
    private Probe probe(String date, String time, String limit) {
        String startTime = TextInput.blankToNull(time) == null ? "09:00" : time.strip();
        String timeLimit = TextInput.blankToNull(limit) == null ? "5wd" : limit.strip();
        if (TextInput.blankToNull(date) == null) {
            return new Probe("", startTime, timeLimit, null, null, null, null);
        }
        try {
            LocalDate day = LocalDate.parse(date.strip());
            boolean working = calculations.isWorkingDay(day.toString());
            String special = calendar.special(day)
                    .map(entry -> "（" + entry.name() + (entry.working() ? " 调休上班" : " 放假") + "）").orElse("");
            OffsetDateTime start = day.atTime(LocalTime.parse(startTime)).atZone(calendar.zone()).toOffsetDateTime();
            OffsetDateTime deadline = calculations.deadline(start.toString(), timeLimit).deadline();
            return new Probe(day.toString(), startTime, timeLimit, readable(day) + special, working,
                    readable(deadline.toLocalDate()) + " " + deadline.toLocalTime(), null);
        } catch (DateTimeParseException e) {
            return new Probe(date, startTime, timeLimit, null, null, null, "日期或时间写法不对：日期如 2027-01-04，时间如 09:00");
        } catch (InvalidFieldException e) {
            return new Probe(date, startTime, timeLimit, null, null, null,
                    "时限写法不对：如 5wd（5 个工作日）或 PT24H（24 小时）");
        }
    }

    private static Integer yearParameter(String text) {
        try {
            return TextInput.blankToNull(text) == null ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int yearOf(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw InvalidFieldException.malformed("year", "integer", "请填写年份，四位数字，如 2027");
        }
    }

    /** What the change did to the running deadlines, for the notice. */
    private static String moved(Recalculated deadlines) {
        StringBuilder text = new StringBuilder();
        if (!deadlines.moved().isEmpty()) {
            text.append("；").append(deadlines.moved().size()).append(" 件在办工单的截止时间已按新安排调整，并记入其办理记录");
        }
        if (!deadlines.unmatched().isEmpty()) {
            text.append("；").append(deadlines.unmatched().size()).append(" 件的截止时间无法从办理记录推算，未自动调整，请人工核对：")
                    .append(String.join("、", deadlines.unmatched()));
        }
        return text.toString();
    }

    private static Response back(String done, int year) {
        return Response.seeOther(URI.create(PAGE + "?done=" + PageForms.encode(done) + "#year-" + year)).build();
    }
}
