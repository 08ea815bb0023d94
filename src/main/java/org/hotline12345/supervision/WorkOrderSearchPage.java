package org.hotline12345.supervision;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hotline12345.category.CategoryDirectory;
import org.hotline12345.category.CategoryView;
import org.hotline12345.common.Labels;
import org.hotline12345.common.Page;
import org.hotline12345.common.PageForms;
import org.hotline12345.common.QueryParameters;
import org.hotline12345.common.Workbooks;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.department.DepartmentView;
import org.hotline12345.security.CurrentActor;
import org.hotline12345.user.Role;
import org.hotline12345.workorder.Channel;
import org.hotline12345.workorder.RequestType;
import org.hotline12345.workorder.WorkOrderFilter;
import org.hotline12345.workorder.WorkOrderService;
import org.hotline12345.workorder.WorkOrderStatus;
import org.hotline12345.workorder.WorkOrderViews.Summary;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * 工单查询: every work order the hotline has, found by number, text, status, type, channel, department, category,
 * lateness and registration dates, 50 to a page, and the same list as Excel.
 */
@Path("/hotline/search")
@RolesAllowed({Role.Names.AGENT, Role.Names.SUPERVISOR, Role.Names.ADMIN})
public class WorkOrderSearchPage {

    private static final int PAGE_SIZE = 50;
    private static final int EXPORTED = 10_000;

    /** The select options of the filters. */
    public record Choices(List<WorkOrderStatus> statuses, List<RequestType> requestTypes, List<Channel> channels,
            List<DepartmentView> departments, List<CategoryView> categories) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(Page<Summary> found, WorkOrderFilter filter, String query,
                Choices choices);
    }

    @Inject
    WorkOrderService workOrders;

    @Inject
    DepartmentDirectory departments;

    @Inject
    CategoryDirectory categories;

    @Inject
    CurrentActor actor;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance search(@BeanParam WorkOrderFilter filter, @QueryParam("page") String page,
            @Context UriInfo uri) {
        Page<Summary> found = workOrders.search(filter.search(workOrders),
                QueryParameters.integer("page", page, 0, 0, 100_000), PAGE_SIZE, actor.get());
        return Templates.search(found, filter, withoutPage(uri), new Choices(List.of(WorkOrderStatus.values()),
                List.of(RequestType.values()), List.of(Channel.values()), departments.all(),
                categories.all().stream().filter(c -> c.level() < 3).toList()));
    }

    @GET
    @Path("/export")
    @Produces(Workbooks.MEDIA_TYPE)
    public Response export(@BeanParam WorkOrderFilter filter) {
        List<List<Object>> rows = new ArrayList<>();
        for (Summary order : workOrders.search(filter.search(workOrders), 0, EXPORTED, actor.get()).items()) {
            rows.add(List.of(order.number(), order.title(), Labels.label(order.requestType()),
                    Labels.label(order.channel()), Labels.label(order.status()),
                    order.leadDepartment() == null ? "" : order.leadDepartment().name(),
                    order.category() == null ? "" : order.category().path(), order.registeredAt(),
                    order.overdue() ? "超期" : ""));
        }
        return Response.ok(Workbooks.table("工单查询", List.of("工单编号", "标题", "类型", "渠道", "状态", "承办单位", "分类", "登记时间",
                "超期"), rows), Workbooks.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"work-orders.xlsx\"").build();
    }

    /** The request's filters as a query string, for the pager's and the export's links. */
    private static String withoutPage(UriInfo uri) {
        StringBuilder query = new StringBuilder();
        uri.getQueryParameters().forEach((name, values) -> {
            if (!"page".equals(name)) {
                for (String value : values) {
                    if (!value.isBlank()) {
                        query.append(query.isEmpty() ? "" : "&").append(PageForms.encode(name)).append('=')
                                .append(PageForms.encode(value));
                    }
                }
            }
        });
        return query.toString();
    }
}
