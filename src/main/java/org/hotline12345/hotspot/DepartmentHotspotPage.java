package org.hotline12345.hotspot;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.hotline12345.hotspot.HotspotViews.HotspotView;
import org.hotline12345.security.CurrentActor;
import org.hotline12345.user.Role;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** 本单位热点: the hotspots of the categories the department is responsible for, and what was done about them. */
@Path("/department/hotspots")
@RolesAllowed(Role.Names.DEPARTMENT_STAFF)
public class DepartmentHotspotPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance department(List<HotspotView> hotspots);
    }

    @Inject
    HotspotService hotspots;

    @Inject
    CurrentActor actor;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page() {
        return Templates.department(hotspots.list(null, actor.get()));
    }
}
