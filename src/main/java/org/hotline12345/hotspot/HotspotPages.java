package org.hotline12345.hotspot;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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

import org.hotline12345.category.CategoryDirectory;
import org.hotline12345.category.CategoryView;
import org.hotline12345.common.HotlineException;
import org.hotline12345.common.Labels;
import org.hotline12345.common.PageForms;
import org.hotline12345.common.QueryParameters;
import org.hotline12345.common.Workbooks;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.department.DepartmentView;
import org.hotline12345.hotspot.HotspotService.Detail;
import org.hotline12345.hotspot.HotspotService.Dismissal;
import org.hotline12345.hotspot.HotspotService.Proactive;
import org.hotline12345.hotspot.HotspotViews.HotspotView;
import org.hotline12345.security.CurrentActor;
import org.hotline12345.user.Role;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * 热点诉求 for supervisors: the hotspots with their counts against what was expected and a sparkline of their trend;
 * each hotspot's page with its work orders, the proactive work order's form (主动治理) or the dismissal, and once acted
 * on, the requests before and after.
 */
@Path("/supervisor/hotspots")
@RolesAllowed(Role.Names.SUPERVISOR)
public class HotspotPages {

    private static final String PAGE = "/supervisor/hotspots/";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<HotspotView> hotspots, String status, List<HotspotStatus> statuses,
                HotspotConfig config);

        static native TemplateInstance hotspot(Detail detail, List<DepartmentView> departments,
                List<CategoryView> categories, String done, String error);
    }

    @Inject
    HotspotService hotspots;

    @Inject
    DepartmentDirectory departments;

    @Inject
    CategoryDirectory categories;

    @Inject
    Validator validator;

    @Inject
    HotspotConfig config;

    @Inject
    CurrentActor actor;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@QueryParam("status") String status) {
        HotspotStatus chosen = HotspotResource.status(status);
        return Templates.list(hotspots.list(chosen, actor.get()), chosen == null ? "" : chosen.name(),
                List.of(HotspotStatus.values()), config);
    }

    /** The list as Excel, with each hotspot's 14-day trend as columns. */
    @GET
    @Path("/export")
    @Produces(Workbooks.MEDIA_TYPE)
    public Response export(@QueryParam("status") String status) {
        List<HotspotView> shown = hotspots.list(HotspotResource.status(status), actor.get());
        List<String> columns = new ArrayList<>(List.of("发现时间", "区域", "诉求分类", "类型", "件数", "往常", "时段", "责任单位",
                "状态", "工单"));
        int days = shown.stream().mapToInt(h -> h.trend().size()).max().orElse(0);
        for (int day = days; day >= 1; day--) {
            columns.add(day == 1 ? "当天" : "前" + (day - 1) + "天");
        }
        List<List<?>> rows = new ArrayList<>();
        for (HotspotView h : shown) {
            List<Object> row = new ArrayList<>(List.of(Labels.minutes(h.raisedAt()), h.area(),
                    h.categoryName() == null ? "全部分类" : h.categoryName(), h.kindLabel(), h.observed(),
                    h.expected() == null ? "" : h.expected(), h.window(),
                    h.departmentName() == null ? "" : h.departmentName(), h.statusLabel(),
                    String.join("、", h.workOrderNumbers())));
            row.addAll(h.trend());
            rows.add(row);
        }
        return Response.ok(Workbooks.table("热点诉求", columns, rows))
                .header("Content-Disposition", "attachment; filename=\"hotspots.xlsx\"").build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance hotspot(@PathParam("id") String id, @QueryParam("done") String done,
            @QueryParam("error") String error) {
        Detail detail = hotspots.detail(id(id), actor.get());
        List<CategoryView> leaves = detail.hotspot().categoryCode() != null
                ? List.of()
                : categories.all().stream().filter(CategoryView::active).filter(c -> c.level() == 3).toList();
        return Templates.hotspot(detail, departments.all().stream().filter(DepartmentView::active).toList(), leaves,
                done, error);
    }

    /** 转为主动治理工单. */
    @POST
    @Path("/{id}/proactive-work-order")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@PathParam("id") String id, @FormParam("title") String title,
            @FormParam("content") String content, @FormParam("categoryCode") String categoryCode,
            @FormParam("leadDepartmentCode") String leadDepartmentCode) {
        long hotspot = id(id);
        try {
            Proactive request = PageForms.requireValid(validator,
                    new Proactive(title, content, categoryCode, leadDepartmentCode), HotspotPages::fieldLabel);
            String number = hotspots.act(hotspot, request, actor.get());
            return PageForms.seeOther(PAGE + hotspot + "?done=" + URLEncoder.encode(
                    "已转为主动治理工单 " + number, StandardCharsets.UTF_8));
        } catch (HotlineException e) {
            return PageForms.seeOther(PAGE + hotspot + "?error=" + URLEncoder.encode(
                    PageForms.reason(e, HotspotPages::fieldLabel), StandardCharsets.UTF_8));
        }
    }

    /** 忽略, with the reason. */
    @POST
    @Path("/{id}/dismissal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response dismiss(@PathParam("id") String id, @FormParam("reason") String reason) {
        long hotspot = id(id);
        return PageForms.act(PAGE + hotspot, "已忽略此热点", () -> {
            hotspots.dismiss(hotspot, PageForms.requireValid(validator, new Dismissal(reason),
                    HotspotPages::fieldLabel), actor.get());
            return null;
        });
    }

    private static long id(String id) {
        return QueryParameters.integer("id", id, 0, 1, Integer.MAX_VALUE);
    }

    /** The proactive form's fields as it names them. */
    static String fieldLabel(String field) {
        return switch (field) {
            case "title" -> "标题";
            case "content" -> "内容";
            case "categoryCode" -> "诉求分类";
            case "leadDepartmentCode", "dispatch.leadDepartmentCode" -> "主办单位";
            default -> PageForms.fieldLabel(field);
        };
    }
}
