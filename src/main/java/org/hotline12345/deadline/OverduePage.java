package org.hotline12345.deadline;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hotline12345.common.Labels;
import org.hotline12345.common.Workbooks;
import org.hotline12345.deadline.OverdueBoard.DepartmentLine;
import org.hotline12345.deadline.OverdueBoard.LateOrder;
import org.hotline12345.user.Role;
import org.hotline12345.workorder.WorkOrderStatus;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** 超期看板 as a page and as an Excel file. */
@Path("/supervisor/overdue")
@RolesAllowed({Role.Names.SUPERVISOR, Role.Names.ADMIN})
public class OverduePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overdue(List<DepartmentLine> lines);
    }

    @Inject
    OverdueBoard board;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page() {
        return Templates.overdue(board.lines());
    }

    @GET
    @Path("/export")
    @Produces(Workbooks.MEDIA_TYPE)
    public Response export() {
        List<List<Object>> rows = new ArrayList<>();
        for (DepartmentLine line : board.lines()) {
            for (LateOrder order : line.orders()) {
                rows.add(List.of(line.name(), order.number(), order.title(),
                        Labels.label(WorkOrderStatus.valueOf(order.status())), order.clock(), order.deadline(),
                        order.late()));
            }
        }
        return Response.ok(Workbooks.table("超期工单", List.of("承办单位", "工单编号", "标题", "状态", "时限", "截止时间", "超期"),
                rows), Workbooks.MEDIA_TYPE).header("Content-Disposition", "attachment; filename=\"overdue.xlsx\"")
                .build();
    }
}
