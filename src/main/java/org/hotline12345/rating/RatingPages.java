package org.hotline12345.rating;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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

import org.hotline12345.common.Labels;
import org.hotline12345.common.PageForms;
import org.hotline12345.common.QueryParameters;
import org.hotline12345.security.CurrentActor;
import org.hotline12345.user.Role;
import org.hotline12345.workorder.ServiceRating;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** 差评核实 and 好差评 figures: the supervisors decide each bad rating and see the five levels per department. */
@Path("/hotline/ratings")
@RolesAllowed({Role.Names.SUPERVISOR, Role.Names.ADMIN})
public class RatingPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance ratings(List<RatingService.RatingView> pending,
                List<RatingService.RatingView> reviewed, List<RatingService.DepartmentRatings> departments,
                List<ServiceRating> levels, List<ReviewDecision> decisions, LocalDate from, LocalDate to,
                String done, String error);
    }

    @Inject
    RatingService ratings;

    @Inject
    CurrentActor actor;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("done") String done, @QueryParam("error") String error) {
        LocalDate end = QueryParameters.dateOr(to, ratings.today());
        LocalDate start = QueryParameters.dateOr(from, end.withDayOfMonth(1));
        if (end.isBefore(start) || start.plusDays(366).isBefore(end)) {
            start = end.withDayOfMonth(1);
        }
        return Templates.ratings(ratings.pendingReview(), ratings.reviewed(20), ratings.byDepartment(start, end),
                List.of(ServiceRating.values()), List.of(ReviewDecision.values()), start, end, done, error);
    }

    @POST
    @Path("/{number}/review")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response review(@PathParam("number") String number, @FormParam("decision") String decision,
            @FormParam("reason") String reason) {
        ReviewDecision chosen = PageForms.option(ReviewDecision.class, decision, "核实结论");
        return PageForms.act("/hotline/ratings",
                "工单 " + number + " 差评核实：" + (chosen == null ? "" : Labels.label(chosen)), () -> {
                    ratings.decide(number, chosen, reason, actor.get());
                    return null;
                });
    }
}
