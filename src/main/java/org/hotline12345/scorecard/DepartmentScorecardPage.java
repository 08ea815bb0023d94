package org.hotline12345.scorecard;

import java.time.Clock;
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

import org.hotline12345.calendar.WorkingCalendar;
import org.hotline12345.common.HotlineException;
import org.hotline12345.common.PageForms;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.department.DepartmentView;
import org.hotline12345.scorecard.AppealService.AppealView;
import org.hotline12345.scorecard.AppealService.NewAppeal;
import org.hotline12345.security.CurrentActor;
import org.hotline12345.user.Role;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * 本单位考核: the department's own line of the scorecard with its place in its group, each figure opening its work
 * orders, and its appeals (申诉) with the form to appeal a work order.
 */
@Path("/department/scorecard")
@RolesAllowed(Role.Names.DEPARTMENT_STAFF)
public class DepartmentScorecardPage {

    private static final String PAGE = "/department/scorecard";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance department(ScorecardTable table, String department, List<String> headings,
                List<AppealView> appeals, List<AppealKind> kinds, String appeal, String done, String error);
    }

    @Inject
    ScorecardViews views;

    @Inject
    AppealService appeals;

    @Inject
    DepartmentDirectory departments;

    @Inject
    Validator validator;

    @Inject
    CurrentActor actor;

    @Inject
    WorkingCalendar calendar;

    @Inject
    Clock clock;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@QueryParam("period") String period, @QueryParam("appeal") String appeal,
            @QueryParam("done") String done, @QueryParam("error") String error) {
        Period chosen = ScorecardPages.period(period, calendar, clock);
        String department = departments.byId(actor.get().departmentId()).map(DepartmentView::name).orElse("");
        return Templates.department(ScorecardTable.of(views.scorecard(chosen, actor.get()), PAGE), department,
                ScorecardTable.headings(), appeals.list(null, actor.get()), List.of(AppealKind.values()),
                appeal == null ? "" : appeal, done, error);
    }

    @GET
    @Path("/{period}/{department}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance drill(@PathParam("period") String period, @PathParam("department") String department,
            @QueryParam("indicator") String indicator) {
        Period chosen = Period.parse(period);
        Indicator shown = ScorecardResource.indicator(indicator);
        return ScorecardPages.Templates.drill(views.drill(chosen, department, shown, actor.get()),
                shown == null ? "派单量" : shown.label(), PAGE + "?period=" + chosen.key(),
                ScorecardPolicy.mayAppeal(actor.get()), "/department/work-orders/");
    }

    /** 申诉 of one of the department's work orders. */
    @POST
    @Path("/appeals")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response appeal(@FormParam("workOrderNumber") String number, @FormParam("kind") String kind,
            @FormParam("reason") String reason, @FormParam("evidence") String evidence) {
        try {
            appeals.appeal(PageForms.requireValid(validator, new NewAppeal(number, PageForms.option(AppealKind.class,
                    kind, "申诉类型"), reason, evidence), DepartmentScorecardPage::fieldLabel), actor.get());
            return PageForms.seeOther(PAGE + "?done=" + PageForms.encode("已提交申诉，等待审核"));
        } catch (HotlineException e) {
            return PageForms.seeOther(PAGE + "?error=" + PageForms.encode(PageForms.reason(e,
                    DepartmentScorecardPage::fieldLabel)));
        }
    }

    static String fieldLabel(String field) {
        return switch (field) {
            case "workOrderNumber" -> "工单编号";
            case "kind" -> "申诉类型";
            default -> PageForms.fieldLabel(field);
        };
    }
}
