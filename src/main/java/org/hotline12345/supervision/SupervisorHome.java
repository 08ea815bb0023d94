package org.hotline12345.supervision;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.hotline12345.deadline.SupervisionQueries;
import org.hotline12345.deadline.SupervisionViews;
import org.hotline12345.deadline.SupervisionViews.OverdueView;
import org.hotline12345.hotspot.HotspotService;
import org.hotline12345.user.Role;
import org.hotline12345.workorder.WorkOrderService;
import org.hotline12345.workorder.WorkOrderViews.Figures;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * 班长首页: where supervisors land. What waits for them (replies to review, returns and extensions to decide, work orders
 * to dispatch or re-dispatch, callbacks due) and what is late (红牌, 黄牌, 督办), each counted and linked to its list,
 * with the longest-overdue work orders, and the hotspots (热点) waiting for a decision.
 */
@Path("/supervisor")
@RolesAllowed(Role.Names.SUPERVISOR)
public class SupervisorHome {

    private static final int OLDEST_SHOWN = 10;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(Figures figures, SupervisionViews.Summary cards, List<OverdueView> oldest,
                long openHotspots);
    }

    @Inject
    WorkOrderService workOrders;

    @Inject
    SupervisionQueries supervision;

    @Inject
    HotspotService hotspots;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance home() {
        return Templates.home(workOrders.figures(), supervision.summary(), supervision.overdue(null, OLDEST_SHOWN),
                hotspots.openCount());
    }
}
