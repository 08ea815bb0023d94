package org.hotline12345.supervision;

import java.util.EnumSet;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hotline12345.common.Labels;
import org.hotline12345.common.Page;
import org.hotline12345.common.QueryParameters;
import org.hotline12345.common.Workbooks;
import org.hotline12345.security.CurrentActor;
import org.hotline12345.user.Role;
import org.hotline12345.workorder.WorkOrderSearch;
import org.hotline12345.workorder.WorkOrderService;
import org.hotline12345.workorder.WorkOrderStatus;
import org.hotline12345.workorder.WorkOrderViews.Summary;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * 审批: what waits for the hotline's decision (replies to review, returns, extension requests) and what waits for a
 * callback (回访); each work order opens on its page ({@link WorkOrderPages}) with those steps.
 */
@Path("/hotline")
@RolesAllowed({Role.Names.AGENT, Role.Names.SUPERVISOR, Role.Names.ADMIN})
public class ApprovalPages {

    private static final int SHOWN = 50;
    private static final int EXPORTED = 10_000;

    /** The lists of the page, each exportable on its own. */
    enum WaitingList {
        REPLIES("答复待审核"), RETURNS("退单待审"), EXTENSIONS("延期待批"), CALLBACKS("待回访");

        final String title;

        WaitingList(String title) {
            this.title = title;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance approvals(Page<Summary> replies, Page<Summary> returns,
                List<Summary> extensions, Page<Summary> callbacks);
    }

    @Inject
    WorkOrderService workOrders;

    @Inject
    CurrentActor actor;

    @GET
    @Path("/approvals")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance approvals() {
        return Templates.approvals(waiting(WorkOrderStatus.REPLIED, SHOWN),
                waiting(WorkOrderStatus.RETURN_REQUESTED, SHOWN), workOrders.pendingExtensions(SHOWN, actor.get()),
                waiting(WorkOrderStatus.REVIEWED, SHOWN));
    }

    /** One of the page's lists in full (up to ten thousand, oldest first) as Excel. */
    @GET
    @Path("/approvals/export")
    @Produces(Workbooks.MEDIA_TYPE)
    public Response export(@QueryParam("list") String list) {
        WaitingList which = QueryParameters.oneEnum("list", list == null ? "" : list.strip(), WaitingList.class);
        List<Summary> orders = switch (which) {
            case REPLIES -> waiting(WorkOrderStatus.REPLIED, EXPORTED).items();
            case RETURNS -> waiting(WorkOrderStatus.RETURN_REQUESTED, EXPORTED).items();
            case EXTENSIONS -> workOrders.pendingExtensions(EXPORTED, actor.get());
            case CALLBACKS -> waiting(WorkOrderStatus.REVIEWED, EXPORTED).items();
        };
        List<List<Object>> rows = orders.stream()
                .map(o -> List.<Object> of(o.number(), o.title(), Labels.label(o.requestType()),
                        o.leadDepartment() == null ? "" : o.leadDepartment().name(), o.registeredAt()))
                .toList();
        return Response.ok(Workbooks.table(which.title, List.of("工单编号", "标题", "类型", "承办单位", "登记时间"), rows),
                Workbooks.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + which.name().toLowerCase() + ".xlsx\"")
                .build();
    }

    private Page<Summary> waiting(WorkOrderStatus status, int size) {
        WorkOrderSearch search = WorkOrderSearch.byStatus(EnumSet.of(status), null,
                WorkOrderSearch.Sort.REGISTERED_ASC);
        return workOrders.search(search, 0, size, actor.get());
    }

}
