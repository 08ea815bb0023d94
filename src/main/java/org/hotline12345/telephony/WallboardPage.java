package org.hotline12345.telephony;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.hotline12345.security.Role;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * 实时监控: the wallboard as a page. The figures arrive over {@code /ws/wallboard}, a snapshot at once and then every
 * second, so the page shows what the REST wallboard does without reloading.
 */
@Path("/supervisor/wallboard")
@RolesAllowed({Role.Names.SUPERVISOR, Role.Names.ADMIN, Role.Names.DESK_LEAD})
public class WallboardPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance wallboard(List<AgentState> agentStates);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance wallboard() {
        return Templates.wallboard(List.of(AgentState.values()));
    }
}
