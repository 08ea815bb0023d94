package org.hotline12345.topic;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
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

import org.hotline12345.area.AreaDirectory;
import org.hotline12345.area.DistrictView;
import org.hotline12345.calendar.WorkingCalendar;
import org.hotline12345.category.CategoryDirectory;
import org.hotline12345.category.CategoryView;
import org.hotline12345.common.HotlineException;
import org.hotline12345.common.PageForms;
import org.hotline12345.common.QueryParameters;
import org.hotline12345.common.Workbooks;
import org.hotline12345.security.CurrentActor;
import org.hotline12345.topic.TopicService.Conclusion;
import org.hotline12345.topic.TopicService.Detail;
import org.hotline12345.topic.TopicService.NewTopic;
import org.hotline12345.topic.TopicService.TopicView;
import org.hotline12345.user.Role;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * 每月一题 for supervisors: the topics and the form that opens one; each topic's report with its trend chart, its
 * tables, a printable layout and the Excel export, and the form that closes it with the month's findings.
 */
@Path("/supervisor/topics")
@RolesAllowed(Role.Names.SUPERVISOR)
public class TopicPages {

    private static final String PAGE = "/supervisor/topics/";

    /** The form as typed, kept when it is refused so that nothing typed is lost. */
    public record Form(String title, String month, String keywords, String from, String to) {
    }

    /** A choice of a select, and whether the form had it chosen. */
    public record Option(String value, String label, boolean selected) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<TopicView> topics, Form form, List<Option> categories,
                List<Option> areas, String error);

        static native TemplateInstance report(Detail detail, String json, String done, String error);
    }

    @Inject
    TopicService topics;

    @Inject
    CategoryDirectory categories;

    @Inject
    AreaDirectory areas;

    @Inject
    WorkingCalendar calendar;

    @Inject
    Validator validator;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @Inject
    CurrentActor actor;

    /** The topics, and the form with this month's defaults. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list() {
        YearMonth month = YearMonth.from(clock.instant().atZone(calendar.zone()));
        return page(new Form("", month.toString(), "", month.atDay(1).toString(), month.atEndOfMonth().toString()),
                List.of(), "", null);
    }

    /** Opens the topic and shows its report; a refused form comes back with what was typed and the reason. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response open(@FormParam("title") String title, @FormParam("month") String month,
            @FormParam("categoryCodes") List<String> categoryCodes, @FormParam("keywords") String keywords,
            @FormParam("area") String area, @FormParam("from") String from, @FormParam("to") String to) {
        Form form = new Form(title, month, keywords, from, to);
        List<String> codes = categoryCodes == null ? List.of() : categoryCodes;
        try {
            String[] place = area == null || area.isBlank() ? new String[]{null, null} : area.split("/", 2);
            NewTopic topic = PageForms.requireValid(validator, new NewTopic(title, month, codes,
                    keywordList(keywords), place[0], place.length > 1 ? place[1] : null, date("from", from),
                    date("to", to)), TopicPages::fieldLabel);
            long id = topics.open(topic, actor.get());
            return PageForms.seeOther(PAGE + id + "?done=" + PageForms.encode("已开启专题"));
        } catch (HotlineException e) {
            return Response.status(e.status())
                    .entity(page(form, codes, area, PageForms.reason(e, TopicPages::fieldLabel))).build();
        }
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance report(@PathParam("id") String id, @QueryParam("done") String done,
            @QueryParam("error") String error) {
        Detail detail = topics.detail(id(id));
        try {
            // inside a <script> element: "</" would end it
            return Templates.report(detail, mapper.writeValueAsString(detail.report()).replace("</", "<\\/"), done,
                    error);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 结题: closes the topic with the month's findings. */
    @POST
    @Path("/{id}/conclusion")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response close(@PathParam("id") String id, @FormParam("conclusion") String conclusion) {
        long topic = id(id);
        return PageForms.act(PAGE + topic, "已结题", () -> {
            topics.close(topic, PageForms.requireValid(validator, new Conclusion(conclusion),
                    TopicPages::fieldLabel), actor.get());
            return null;
        });
    }

    @GET
    @Path("/{id}/export")
    @Produces(Workbooks.MEDIA_TYPE)
    public Response export(@PathParam("id") String id) {
        return workbook(topics.detail(id(id)));
    }

    /** The report's workbook as a download, for the page and the API alike. */
    static Response workbook(Detail detail) {
        return Response.ok(TopicWorkbook.of(detail), Workbooks.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"topic-" + detail.topic().id() + "-"
                        + detail.topic().month() + ".xlsx\"")
                .build();
    }

    private TemplateInstance page(Form form, List<String> codes, String area, String error) {
        List<Option> categoryOptions = categories.all().stream().filter(CategoryView::active)
                .map(c -> new Option(c.code(), c.path(), codes.contains(c.code()))).toList();
        List<Option> areaOptions = new ArrayList<>();
        areaOptions.add(new Option("", "全市", area == null || area.isBlank()));
        for (DistrictView district : areas.all()) {
            areaOptions.add(new Option(district.name(), district.name(), district.name().equals(area)));
            for (String street : district.streets()) {
                String value = district.name() + "/" + street;
                areaOptions.add(new Option(value, district.name() + " · " + street, value.equals(area)));
            }
        }
        return Templates.list(topics.list(), form, categoryOptions, areaOptions, error);
    }

    /** Keywords as typed in one field: separated by spaces, commas or 、. */
    static List<String> keywordList(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        return Arrays.stream(typed.strip().split("[\\s,，、;；]+")).filter(k -> !k.isEmpty()).toList();
    }

    private static LocalDate date(String field, String value) {
        return value == null || value.isBlank() ? null : QueryParameters.date(field, value);
    }

    private static long id(String id) {
        return QueryParameters.integer("id", id, 0, 1, Integer.MAX_VALUE);
    }

    /** The topic form's fields as it names them. */
    static String fieldLabel(String field) {
        if (field.startsWith("categoryCodes")) {
            return "诉求分类";
        }
        if (field.startsWith("keywords")) {
            return "关键词";
        }
        return switch (field) {
            case "title" -> "专题名称";
            case "month" -> "月份";
            case "district" -> "区县";
            case "street" -> "街道";
            case "from" -> "开始日期";
            case "to" -> "截止日期";
            case "conclusion" -> "结论";
            default -> PageForms.fieldLabel(field);
        };
    }
}
