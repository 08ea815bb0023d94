package org.hotline12345.telephony;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.hotline12345.user.Role;
import org.hotline12345.user.UserNames;
import org.hotline12345.workorder.WorkOrderService;
import org.hotline12345.workorder.WorkOrderViews.Figures;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * 实时监控: the wallboard as a page. The work orders' figures come with the page and again every half minute from
 * {@code figures}, with telephony or without; the telephony figures arrive over {@code /ws/wallboard}, a snapshot at
 * once and then every second, so the page shows what the REST wallboard does without reloading.
 */
@Path("/supervisor/wallboard")
@RolesAllowed({Role.Names.SUPERVISOR, Role.Names.ADMIN, Role.Names.DESK_LEAD})
public class WallboardPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance wallboard(Figures figures, boolean telephony, List<AgentState> agentStates,
                Map<String, String> names);
    }

    @Inject
    WorkOrderService workOrders;

    @Inject
    TelephonyConfig telephony;

    @Inject
    UserNames names;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance wallboard() {
        return Templates.wallboard(workOrders.figures(), telephony.enabled(), List.of(AgentState.values()),
                names.all());
    }

    /** The work orders' figures, for the page to refresh them. */
    @GET
    @Path("/figures")
    @Produces(MediaType.APPLICATION_JSON)
    public Figures figures() {
        return workOrders.figures();
    }
}
