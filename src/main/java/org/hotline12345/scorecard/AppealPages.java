package org.hotline12345.scorecard;

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

import org.hotline12345.common.PageForms;
import org.hotline12345.common.QueryParameters;
import org.hotline12345.scorecard.AppealService.AppealView;
import org.hotline12345.scorecard.AppealService.Decision;
import org.hotline12345.security.CurrentActor;
import org.hotline12345.user.Role;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** 考核申诉 for supervisors: the pending appeals with their reasons and evidence, upheld or rejected with a reason. */
@Path("/supervisor/appeals")
@RolesAllowed(Role.Names.SUPERVISOR)
public class AppealPages {

    private static final String PAGE = "/supervisor/appeals";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance appeals(List<AppealView> pending, List<AppealView> decided, String done,
                String error);
    }

    @Inject
    AppealService appeals;

    @Inject
    Validator validator;

    @Inject
    CurrentActor actor;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@QueryParam("done") String done, @QueryParam("error") String error) {
        List<AppealView> all = appeals.list(null, actor.get());
        return Templates.appeals(all.stream().filter(a -> a.status() == AppealStatus.PENDING).toList(),
                all.stream().filter(a -> a.status() != AppealStatus.PENDING).limit(50).toList(), done, error);
    }

    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("id") String id, @FormParam("decision") String decision,
            @FormParam("reason") String reason) {
        long appeal = QueryParameters.integer("id", id, 0, 1, Integer.MAX_VALUE);
        return PageForms.act(PAGE, "申诉 #" + appeal + " 已审核", () -> appeals.decide(appeal,
                PageForms.requireValid(validator, new Decision(decision == null ? null : "UPHELD".equals(decision),
                        reason), PageForms::fieldLabel),
                actor.get()));
    }
}
